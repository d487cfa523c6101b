// The API's error: an HTTP status, a message and the parameter at fault (served as {"error":{"message","param"}}).
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly param?: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}
