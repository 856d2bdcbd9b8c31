import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(
  path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
)

export interface AxeFinding {
  rule: string
  impact: string | null
  help: string
  /** The element's CSS selector, as axe reports it. */
  target: string
  /** True when the element sits inside one of this project's admin components (marked `data-news-portal`). */
  ours: boolean
}

/** Runs axe-core (from npm, injected into the page) and returns one finding per failing element. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: Array<{
              id: string
              impact: string | null
              help: string
              nodes: Array<{ target: unknown[] }>
            }>
          }>
        }
      }
    ).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations.flatMap((violation) =>
      violation.nodes.map((node) => {
        const target = String(node.target[node.target.length - 1])
        let ours = false
        try {
          ours = Boolean(document.querySelector(target)?.closest('[data-news-portal]'))
        } catch {
          // a selector axe built that the DOM API cannot parse: not ours to judge
        }
        return { rule: violation.id, impact: violation.impact, help: violation.help, target, ours }
      }),
    )
  })
}

/** One line per finding, for the report. */
export const describeFindings = (page: string, findings: AxeFinding[]): string[] =>
  findings.map(
    (finding) =>
      `${page}: [${finding.impact}] ${finding.rule} (${finding.help}) at ${finding.target}${finding.ours ? ' (ours)' : ''}`,
  )
