// expect: error TS2367: This comparison appears to be unintentional because the types 'WebhookVerificationErrorCode' and '"bad_signature"' have no overlap.
import { WebhookVerificationError } from "connect-webview-events";

export function isBadSignature(error: WebhookVerificationError): boolean {
  return error.code === "bad_signature"; // it is "invalid_signature"
}
