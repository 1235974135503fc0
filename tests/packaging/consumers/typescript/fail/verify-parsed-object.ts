// expect: error TS2345: Argument of type 'Record<string, unknown>' is not assignable to parameter of type 'string | ArrayBuffer | Uint8Array<ArrayBufferLike>'.
import { verify } from "connect-webview-events";

// The signature is over the raw bytes: a parsed body cannot be verified.
const parsed: Record<string, unknown> = JSON.parse("{}");
verify(parsed, new Headers(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
