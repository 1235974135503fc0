// The README's Express endpoint, verbatim between the two marked lines, so
// that endpoints.test.mjs runs exactly what users copy. Not a test itself.
/** The accounts the handler linked, for the test to read. */
export const linked = [];
function linkAccount(/** @type {string} */ id) {
  linked.push(id);
}
// --- README: Express ---
import express from "express";
import { ConnectWebviewWebhook, DecodeError, WebhookVerificationError } from "connect-webview-events";

const webhook = new ConnectWebviewWebhook(process.env.SEAM_WEBHOOK_SECRET); // "whsec_..."
const app = express();
app.post("/webhooks/seam", express.raw({ type: "application/json" }), (req, res) => {
  try {
    const event = webhook.verify(req.body, req.headers); // raw Buffer: signature first, then every field
    if (event.event_type === "connect_webview.login_succeeded") linkAccount(event.connected_account_id);
    res.sendStatus(204);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return res.status(401).json(error); // not from Seam
    if (error instanceof DecodeError) {
      // Authentic, but not an event this package decodes: acknowledge it, or
      // Svix retries it for a day, and disables an endpoint that keeps failing.
      if (error.issues.some((issue) => issue.code === "unknown_event_type")) return res.sendStatus(204);
      // Authentic but invalid: no retry can fix it, so ask Svix not to retry.
      return res.status(422).set("webhook-delivery", "abort-message").json(error);
    }
    throw error;
  }
});
// --- end ---
export { app };
