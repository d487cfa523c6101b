// Public API of @slmnet/models: the model server and its request/response shapes.
export { ModelServer, type ServerOptions } from './server.ts';
export { ApiError, MAX_BODY_BYTES, parseCompletionRequest, parseQuoteRequest, tokensPaidFor, type CompletionRequest, type Payment, type Wait } from './request.ts';
export { completionBody, modelsBody, errorBody, finishReason, type Completion } from './response.ts';
