import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  buildASTSchema,
  concatAST,
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql'
import { codegen } from '@graphql-codegen/core'
import * as typescriptOperations from '@graphql-codegen/typescript-operations'

export const sdkDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const schemaFile = path.join(sdkDir, 'schema.graphql')
export const pendingSchemaFile = path.join(sdkDir, 'schema.pending.graphql')
export const operationsDir = path.join(sdkDir, 'src', 'operations')
export const generatedFile = path.join(sdkDir, 'src', 'generated', 'graphql.ts')

/**
 * Fields the server always fills for what the public can read, though Payload prints them
 * nullable: drafts may lack a title or date (the public never sees drafts); `slug` is optional
 * on input but `populateSlug` always fills it; localized required fields fall back to the
 * default locale; the rating summary is a computed group (0 before any vote) whose subfields
 * Payload prints nullable; `ArticlePage` itself is null when its article is missing.
 */
export const alwaysPresent: Record<string, string[]> = {
  Article: ['title', 'slug', 'publishedAt'],
  Author: ['slug'],
  Source: ['slug'],
  Category: ['title', 'slug'],
  Media: ['alt'],
  RatingSummary: ['total', 'count', 'average'],
  ArticlePage: ['article'],
}

export interface GeneratedTypes {
  /** The TypeScript module, as committed in src/generated/graphql.ts. */
  content: string
  /** Definitions of schema.pending.graphql still in use because schema.graphql lacks them. */
  pendingInUse: string[]
  /** Definitions of schema.pending.graphql that schema.graphql now has (ignored; delete them). */
  pendingShadowed: string[]
}

const read = (file: string) => fs.readFileSync(file, 'utf8')

function graphqlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return graphqlFiles(full)
      return entry.name.endsWith('.graphql') ? [full] : []
    })
    .sort()
}

/** The definitions of the pending file that the real schema does not have yet (whole types, or fields of extensions). */
function pendingDefinitions(
  schema: DocumentNode,
  pending: DocumentNode,
): { definitions: DefinitionNode[]; inUse: string[]; shadowed: string[] } {
  const fieldsOf = new Map<string, Set<string>>()
  for (const definition of schema.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
      const fields = fieldsOf.get(definition.name.value) ?? new Set<string>()
      for (const field of definition.fields ?? []) fields.add(field.name.value)
      fieldsOf.set(definition.name.value, fields)
    } else if ('name' in definition && definition.name) {
      fieldsOf.set(definition.name.value, fieldsOf.get(definition.name.value) ?? new Set())
    }
  }
  const definitions: DefinitionNode[] = []
  const inUse: string[] = []
  const shadowed: string[] = []
  for (const definition of pending.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
      const existing = fieldsOf.get(definition.name.value) ?? new Set()
      const missing = (definition.fields ?? []).filter((field) => !existing.has(field.name.value))
      if (missing.length) definitions.push({ ...definition, fields: missing })
      for (const field of definition.fields ?? []) {
        ;(missing.includes(field) ? inUse : shadowed).push(`${definition.name.value}.${field.name.value}`)
      }
    } else if ('name' in definition && definition.name) {
      if (fieldsOf.has(definition.name.value)) {
        shadowed.push(definition.name.value)
      } else {
        definitions.push(definition)
        inUse.push(definition.name.value)
      }
    }
  }
  return { definitions, inUse, shadowed }
}

const nonNull = (type: TypeNode): TypeNode => (type.kind === Kind.NON_NULL_TYPE ? type : { kind: Kind.NON_NULL_TYPE, type })

/** The schema as the SDK's types see it: ids are `PortalId` (Int on SQL, String on MongoDB), always-present fields non-null. */
function sdkView(document: DocumentNode): DocumentNode {
  const rewrite = (typeName: string, fields: readonly FieldDefinitionNode[] | undefined) =>
    fields?.map((field) => {
      let type = field.type
      if (field.name.value === 'id') type = { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'PortalId' } } }
      if (alwaysPresent[typeName]?.includes(field.name.value)) type = nonNull(type)
      return type === field.type ? field : { ...field, type }
    })
  const rewritten = visit(document, {
    ObjectTypeDefinition: (node) => ({ ...node, fields: rewrite(node.name.value, node.fields) }),
    ObjectTypeExtension: (node) => ({ ...node, fields: rewrite(node.name.value, node.fields) }),
  })
  return concatAST([rewritten, parse('scalar PortalId')])
}

/** One operation with every fragment it uses, whitespace stripped: what goes over the wire. */
function operationText(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): string {
  const used = new Set<string>()
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return
        const fragment = fragments.get(spread.name.value)
        if (!fragment) throw new Error(`Unknown fragment ${spread.name.value} in ${operation.name?.value}.`)
        used.add(spread.name.value)
        collect(fragment)
      },
    })
  collect(operation)
  const parts = [operation, ...[...used].sort().map((name) => fragments.get(name)!)]
  return stripIgnoredCharacters(parts.map((part) => print(part)).join('\n'))
}

const banner = `/* eslint-disable */
// Generated by \`npm run generate -w sdk\` from sdk/schema.graphql and sdk/src/operations: do not edit.

/** A GraphQL operation as sent over the wire, carrying its result and variables types. */
export type Operation<TResult, TVariables> = string & { readonly __result?: TResult; readonly __variables?: TVariables }
`

/** Generates the SDK's operation types and documents from the committed schema. */
export async function generateTypes(): Promise<GeneratedTypes> {
  const base = parse(read(schemaFile))
  const pending = fs.existsSync(pendingSchemaFile)
    ? pendingDefinitions(base, parse(read(pendingSchemaFile)))
    : { definitions: [], inUse: [], shadowed: [] }
  const schemaDocument = sdkView(concatAST([base, { kind: Kind.DOCUMENT, definitions: pending.definitions }]))
  const schemaAst = buildASTSchema(schemaDocument)

  const files = graphqlFiles(operationsDir)
  const documents = files.map((file) => ({ location: path.relative(sdkDir, file), document: parse(read(file)) }))
  const definitions = documents.flatMap(({ document }) => document.definitions)
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  )
  const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)

  const types = await codegen({
    filename: generatedFile,
    schema: schemaDocument,
    schemaAst,
    documents,
    plugins: [{ 'typescript-operations': {} }],
    pluginMap: { 'typescript-operations': typescriptOperations },
    config: {
      skipTypename: true,
      enumType: 'string-literal',
      maybeValue: 'T | null',
      inputMaybeValue: 'T | null | undefined',
      avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
      useTypeImports: true,
      scalars: {
        ID: { input: 'string | number', output: 'string' },
        PortalId: 'string | number',
        DateTime: 'string',
        JSON: 'unknown',
        EmailAddress: 'string',
      },
    },
  })

  const documentsText = operations
    .map((operation) => {
      const name = operation.name!.value
      const suffix = operation.operation === 'mutation' ? 'Mutation' : 'Query'
      return `export const ${name}Document = ${JSON.stringify(operationText(operation, fragments))} as Operation<${name}${suffix}, ${name}${suffix}Variables>`
    })
    .join('\n')
  return {
    content: `${banner}\n${types.trim()}\n\n${documentsText}\n`,
    pendingInUse: pending.inUse,
    pendingShadowed: pending.shadowed,
  }
}
