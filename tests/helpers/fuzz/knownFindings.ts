import type fc from 'fast-check'
import type { FuzzRequest } from './requests.js'

/**
 * 500s the fuzz suite found in parts of the API other work items own (issue 12). Inputs that
 * match one are not generated until that fix is merged: delete the entry then, and the property
 * covers those inputs again. Each has a focused test, marked `it.fails` until the fix, in
 * tests/fuzz-findings.test.ts. None is open now.
 */
export interface KnownFinding {
  id: string
  /** Who fixes it. */
  owner: string
  matches: (input: FuzzRequest) => boolean
}

export const KNOWN_FINDINGS: KnownFinding[] = []

/** How many generated inputs each known finding held back in this file. */
export const heldBack = new Map<string, number>()

/** The generated requests that run into no known finding (the others are counted, not sent). */
export const withoutKnownFindings = (requests: fc.Arbitrary<FuzzRequest>) =>
  requests.filter((input) => {
    const finding = KNOWN_FINDINGS.find((known) => known.matches(input))
    if (finding) heldBack.set(finding.id, (heldBack.get(finding.id) ?? 0) + 1)
    return !finding
  })
