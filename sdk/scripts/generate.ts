import fs from 'node:fs'
import path from 'node:path'
import { generatedFile, generateTypes, sdkDir } from './codegen'

// `npm run generate -w sdk`: rewrites src/generated/graphql.ts from schema.graphql and src/operations.
const content = await generateTypes()
fs.mkdirSync(path.dirname(generatedFile), { recursive: true })
const before = fs.existsSync(generatedFile) ? fs.readFileSync(generatedFile, 'utf8') : ''
fs.writeFileSync(generatedFile, content)
const relative = path.relative(sdkDir, generatedFile)
console.info(before === content ? `${relative} is up to date.` : `Wrote ${relative}.`)
