import fs from 'node:fs'
import path from 'node:path'
import { printAppSchema, schemaFile } from './graphqlSchema.js'

// `npm run generate:schema`: rewrites sdk/schema.graphql from the app config.
const printed = await printAppSchema()
const before = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : ''
fs.writeFileSync(schemaFile, printed)
const relative = path.relative(process.cwd(), schemaFile)
console.info(
  before === printed
    ? `${relative} is up to date.`
    : `Wrote ${relative} (${printed.split('\n').length} lines).`,
)
