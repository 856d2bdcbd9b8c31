import fc from 'fast-check'
import { heldBack } from './knownFindings.js'

/** One seed for every fuzz property, so a run can be replayed: `FUZZ_SEED=… npx vitest run …`. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_612)

/** `FUZZ_SCALE=10` runs ten times the inputs (a deeper search than `npm test` can afford). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1)

/** How many inputs a property generates: its share of the suite's one-minute budget, scaled. */
export const runs = (count: number) => Math.max(1, Math.round(count * SCALE))

/** How many generated inputs each property of this file sent. */
export const inputsTried = new Map<string, number>()

// Long runs of one character are shortened so a counterexample stays readable.
const readable = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' && item.length > 120
      ? `${item.slice(0, 60)}…(${item.length} chars)…${item.slice(-20)}`
      : item,
  )?.slice(0, 4_000)

/**
 * Runs `check` on `numRuns` generated inputs with the fixed seed; on failure the error names the
 * seed and path to replay, the (shrunk) input and what was wrong.
 */
export async function fuzz<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  check: (input: T) => Promise<void>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      inputsTried.set(name, (inputsTried.get(name) ?? 0) + 1)
      await check(input)
    }),
    {
      seed: FUZZ_SEED,
      // `FUZZ_PATH` (with FUZZ_SEED) replays the one failing input a report names.
      path: process.env.FUZZ_PATH,
      numRuns,
      reporter: (details) => {
        if (!details.failed) return
        throw new Error(
          [
            `${name}: failed after ${details.numRuns} inputs (${details.numShrinks} shrinks).`,
            `Replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? '?'}`,
            `Input: ${process.env.FUZZ_LOG ? JSON.stringify(details.counterexample?.[0]) : readable(details.counterexample?.[0])}`,
            `Problem: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
          ].join('\n'),
        )
      },
    },
  )
}

/** The line each fuzz file prints when it is done. */
export function inputsReport(file: string, startedAt: number): string {
  const total = [...inputsTried.values()].reduce((sum, count) => sum + count, 0)
  const parts = [...inputsTried].map(([name, count]) => `${name} ${count}`).join(', ')
  const held = [...heldBack].map(([id, count]) => `${id} ${count}`).join(', ')
  return `${file}: ${total} generated inputs in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (seed ${FUZZ_SEED}): ${parts}${held ? `; held back by known findings: ${held}` : ''}`
}
