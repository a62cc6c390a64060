// cookie-parser ships no types and @types/cookie-parser is not installed: the one call used here.
declare module 'cookie-parser' {
  import type { RequestHandler } from 'express';
  export default function cookieParser(secret?: string | string[]): RequestHandler;
}
