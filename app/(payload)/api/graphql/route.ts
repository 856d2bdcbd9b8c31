import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import {
  graphqlGet,
  limitRequestBody,
  withHttpCaching,
  withPublicCache,
} from 'payload-plugin-news-portal'

// Bodies over the plugin's maxRequestBodyBytes get 413 before Payload reads them; anonymous
// queries are then answered from the public cache (docs/cache.md).
const post = limitRequestBody(config, withPublicCache(config, GRAPHQL_POST(config)))

// Queries also by GET (GraphQL over HTTP), checked and then run as the POST they stand for;
// both with HTTP caching headers (docs/http-caching.md).
export const POST = withHttpCaching(config, post)
export const GET = withHttpCaching(config, graphqlGet(config, post))
export const OPTIONS = REST_OPTIONS(config)
