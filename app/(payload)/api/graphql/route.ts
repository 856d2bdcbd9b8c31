import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { limitRequestBody, withPublicCache } from 'payload-plugin-news-portal'

// Anonymous queries are answered from the public cache; bodies over the plugin's
// maxRequestBodyBytes get 413 before Payload reads them.
export const POST = withPublicCache(config, limitRequestBody(config, GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
