import { isDeepStrictEqual } from 'node:util'
import type { FuzzSite } from './site.js'
import { clientRequest } from './site.js'
import { answerProblems, exchange, graphqlRefused, type Answer } from './answers.js'
import { countersState } from './state.js'

/** One generated request to the public API, and what kind of answer it must get. */
export interface FuzzRequest {
  route: 'get' | 'post' | 'graphql'
  /** Which answer rules apply. */
  kind: 'graphql' | 'rest' | 'feed'
  /** Path and query under /api. */
  path: string
  headers: Record<string, string>
  body?: string
  ip?: string
  /** True when the request may record a vote or a visit if it is accepted. */
  writes: boolean
}

const shorten = (text: string) =>
  text.length > 600 ? `${text.slice(0, 600)}…(${text.length} chars)` : text

/** Sends one request; returns the answer and every rule it broke (a refused write included). */
export async function sendChecked(
  site: FuzzSite,
  input: FuzzRequest,
): Promise<{ answer: Answer; problems: string[] }> {
  const before = input.writes ? await countersState(site.app.payload) : undefined
  const request = clientRequest(input.route === 'get' ? 'GET' : 'POST', input.path, {
    headers: input.headers,
    body: input.body,
    ip: input.ip,
  })
  const answer = await exchange(site.routes[input.route], request)
  const problems = answerProblems(answer, input.kind)
  const refused = input.kind === 'graphql' ? graphqlRefused(answer) : answer.status >= 400
  if (before && refused) {
    const after = await countersState(site.app.payload)
    if (!isDeepStrictEqual(before, after))
      problems.push(`a refused request changed ${JSON.stringify({ before, after })}`)
  }
  return { answer, problems }
}

/** The property itself: throws, naming every broken rule and showing the answer. */
export async function checkRequest(site: FuzzSite, input: FuzzRequest): Promise<void> {
  const { answer, problems } = await sendChecked(site, input)
  if (problems.length) {
    throw new Error(
      `${problems.join('; ')}\nAnswer: ${answer.status} ${shorten(answer.thrown ?? answer.text)}`,
    )
  }
}
