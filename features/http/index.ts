export { withHttpCaching } from './httpCaching.js'
export { HTTP_MAX_AGE, COUNTER_ROOT_FIELDS } from './cacheControl.js'
