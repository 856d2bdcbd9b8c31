import { parse, type OperationDefinitionNode } from 'graphql'
import { describe, expect, it } from 'vitest'
import { fieldsOf, fragmentsOf, selectionFolder } from '../core/selections.js'

const operation = (source: string) => {
  const document = parse(source)
  const op = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition',
  )!
  return { fragments: fragmentsOf(document), selectionSet: op.selectionSet }
}

describe('the one GraphQL selection walker', () => {
  it('fieldsOf looks through inline fragments and fragment spreads, each field once', () => {
    const { fragments, selectionSet } = operation(`
      { a ...F ... on Query { b ...F } }
      fragment F on Query { c ...G }
      fragment G on Query { d }
    `)
    expect(fieldsOf(fragments)(selectionSet).map((field) => field.name.value)).toEqual([
      'a',
      'c',
      'd',
      'b',
    ])
  })

  it('an unknown fragment and a fragment spread inside itself count as empty', () => {
    const { fragments, selectionSet } = operation(`
      { a ...Missing ...Self }
      fragment Self on Query { s ...Self }
    `)
    expect(fieldsOf(fragments)(selectionSet).map((field) => field.name.value)).toEqual(['a', 's'])
  })

  it('folds each named fragment once, however often it is spread (a fragment bomb stays linear)', () => {
    const levels = 30
    const definitions = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on T { x { ...F${i + 1} } y { ...F${i + 1} } }`,
    )
    const { fragments, selectionSet } = operation(
      `{ ...F0 }\n${definitions.join('\n')}\nfragment F${levels} on T { leaf }`,
    )
    let fieldsVisited = 0
    const depthOf: (set: typeof selectionSet | undefined) => number = selectionFolder(fragments, {
      field: (field) => {
        fieldsVisited += 1
        return 1 + depthOf(field.selectionSet)
      },
      merge: (depths) => depths.reduce((deepest, depth) => Math.max(deepest, depth), 0),
    })
    expect(depthOf(selectionSet)).toBe(levels + 1)
    // 2 fields per fragment plus the leaf, not 2^30.
    expect(fieldsVisited).toBe(2 * levels + 1)
  })
})
