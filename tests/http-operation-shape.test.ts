import { describe, expect, test } from 'vitest'
import { operationShape } from '../features/graphql/operationKind.js'

// What the HTTP layer reads of a document: the operation's kind and root fields.
describe('operationShape', () => {
  test('the kind, name and root fields, aliases resolved and root fragments followed', () => {
    expect(
      operationShape(
        'query Side { v: VisitorStats { total } ...D ... on Query { PortalSite { name } } } fragment D on Query { DossierStats { title } }',
        undefined,
      ),
    ).toEqual({
      kind: 'query',
      name: 'Side',
      rootFields: ['VisitorStats', 'DossierStats', 'PortalSite'],
    })
  })

  test('the operation operationName names; none when it names none or the choice is open', () => {
    const document = 'query A { __typename } mutation B { recordVisit(session: "s") { total } }'
    expect(operationShape(document, 'B')).toEqual({
      kind: 'mutation',
      name: 'B',
      rootFields: ['recordVisit'],
    })
    expect(operationShape(document, 'C')).toBeUndefined()
    expect(operationShape(document, undefined)).toBeUndefined()
  })

  test('none for a document that does not parse (the GraphQL handler says why)', () => {
    expect(operationShape('query {', undefined)).toBeUndefined()
  })

  test('a fragment spreading itself at the root ends', () => {
    expect(
      operationShape('{ ...F } fragment F on Query { __typename ...F }', undefined)?.rootFields,
    ).toEqual(['__typename'])
  })
})
