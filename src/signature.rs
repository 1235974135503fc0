//! Standard Webhooks (Svix) signatures: the check that a webhook came from
//! Seam, before its body is decoded.
//!
//! The signed content is `{id}.{timestamp}.` followed by the raw body bytes;
//! the signature is `v1,` and the base64 of its HMAC-SHA256 under the secret.
//! The cryptography is RustCrypto's `hmac` and `sha2`; signatures are compared
//! in constant time with `subtle`, and only when their lengths are equal.

use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::{DecodeError as DecodeError64, Engine};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::decode::DecodeOptions;
use crate::error::DecodeError;
use crate::seam_event::SeamEvent;
use crate::text::{split_byte, split_once_byte};

/// How far a timestamp may be from now, either way: 5 minutes.
pub const TOLERANCE_IN_SECONDS: u64 = 300;

/// The prefix of secrets as the webhook settings show them.
const SECRET_PREFIX: &str = "whsec_";

/// The only signature version there is.
const VERSION: &str = "v1";

/// Why a webhook cannot be trusted. Shown and serialised in `snake_case`
/// (`"timestamp_too_old"`), the codes of the JavaScript package's
/// `WebhookVerificationError`.
///
/// # Examples
///
/// ```
/// use connect_webview_events::VerifyErrorCode;
///
/// assert_eq!(VerifyErrorCode::TimestampTooOld.to_string(), "timestamp_too_old");
/// assert_eq!(serde_json::to_string(&VerifyErrorCode::MissingHeader).unwrap(), r#""missing_header""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VerifyErrorCode {
    /// `webhook-id`/`svix-id`, `-timestamp` or `-signature` is absent.
    MissingHeader,
    /// The timestamp is not an integer number of Unix seconds.
    InvalidTimestamp,
    /// The timestamp is further in the past than the tolerance.
    TimestampTooOld,
    /// The timestamp is further in the future than the tolerance.
    TimestampTooNew,
    /// No signature in the header matches the body.
    InvalidSignature,
    /// The secret is not `whsec_` and base64 (or bare base64) of a non-empty key.
    InvalidSecret,
}

impl VerifyErrorCode {
    /// The code as JavaScript sees it, e.g. `"timestamp_too_old"`.
    pub fn as_str(self) -> &'static str {
        match self {
            VerifyErrorCode::MissingHeader => "missing_header",
            VerifyErrorCode::InvalidTimestamp => "invalid_timestamp",
            VerifyErrorCode::TimestampTooOld => "timestamp_too_old",
            VerifyErrorCode::TimestampTooNew => "timestamp_too_new",
            VerifyErrorCode::InvalidSignature => "invalid_signature",
            VerifyErrorCode::InvalidSecret => "invalid_secret",
        }
    }
}

impl fmt::Display for VerifyErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A webhook that cannot be trusted: a code and a short lower-case message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    code: VerifyErrorCode,
    message: String,
}

impl VerifyError {
    fn new(code: VerifyErrorCode, message: impl Into<String>) -> VerifyError {
        VerifyError { code, message: message.into() }
    }

    /// What kind of failure this is.
    pub fn code(&self) -> VerifyErrorCode {
        self.code
    }

    /// What went wrong, in words.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code.as_str())
    }
}

impl std::error::Error for VerifyError {}

/// Why [`Webhook::verify`] refused a request: it could not be trusted, or it
/// could but its event is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookError {
    /// The signature check failed; the body was not looked at.
    Verify(VerifyError),
    /// The signature is good but the event is not valid.
    Decode(DecodeError),
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::Verify(e) => write!(f, "webhook verification failed: {e}"),
            WebhookError::Decode(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for WebhookError {}

impl From<VerifyError> for WebhookError {
    fn from(e: VerifyError) -> Self {
        WebhookError::Verify(e)
    }
}

impl From<DecodeError> for WebhookError {
    fn from(e: DecodeError) -> Self {
        WebhookError::Decode(e)
    }
}

/// The three signature headers of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookHeaders<'a> {
    /// `webhook-id` or `svix-id`: the message ID.
    pub id: &'a str,
    /// `webhook-timestamp` or `svix-timestamp`: Unix seconds.
    pub timestamp: &'a str,
    /// `webhook-signature` or `svix-signature`: space-separated `v1,<base64>`.
    pub signature: &'a str,
}

impl<'a> WebhookHeaders<'a> {
    /// Picks the headers out of `(name, value)` pairs, by the package's one
    /// rule (the JavaScript `verify`, `signatureHeaders`, the command-line
    /// tool and the demo page read them the same way, tested against the
    /// table in `tests/fixtures/signature_headers.json`): for each of id,
    /// timestamp and signature, the `svix-` header, else the `webhook-` one.
    /// Names match in any case; where one name comes in several spellings, the
    /// lowercase one (as HTTP/2, Node and Fetch give them) is taken, else the
    /// first. A header with an empty value is not there, as svix has it: an
    /// empty `svix-id` leaves `webhook-id` to be read.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{VerifyErrorCode, WebhookHeaders};
    ///
    /// let pairs = [("Webhook-Id", "msg_1"), ("WEBHOOK-TIMESTAMP", "1700000000"), ("svix-signature", "v1,abc=")];
    /// let headers = WebhookHeaders::from_pairs(pairs).unwrap();
    /// assert_eq!((headers.id, headers.signature), ("msg_1", "v1,abc="));
    ///
    /// let err = WebhookHeaders::from_pairs([("webhook-id", "msg_1")]).unwrap_err();
    /// assert_eq!(err.code(), VerifyErrorCode::MissingHeader);
    /// assert_eq!(err.message(), "missing header webhook-timestamp (or svix-timestamp)");
    ///
    /// let err = WebhookHeaders::from_pairs([("svix-id", ""), ("webhook-timestamp", "1"), ("webhook-signature", "v1,")]);
    /// assert_eq!(err.unwrap_err().message(), "missing header webhook-id (or svix-id)");
    /// ```
    pub fn from_pairs<I: IntoIterator<Item = (&'a str, &'a str)>>(pairs: I) -> Result<Self, VerifyError> {
        // Each value found, and whether its name was spelled in lowercase.
        let mut found: [[Option<(&'a str, bool)>; 2]; 3] = Default::default();
        for (name, value) in pairs {
            if value.is_empty() {
                continue;
            }
            let Some((prefix, field)) = split_name(name) else { continue };
            let lowercase = !name.bytes().any(|b| b.is_ascii_uppercase());
            let slot = &mut found[field][prefix];
            let replace = match *slot {
                None => true,
                Some((_, was_lowercase)) => lowercase && !was_lowercase,
            };
            if replace {
                *slot = Some((value, lowercase));
            }
        }
        Self::from_values(found.map(|[svix, webhook]| svix.or(webhook).map(|(value, _)| value)))
    }

    /// The headers from their values, id, timestamp and signature in that
    /// order, once picked out: `missing_header` names the first absent (or
    /// empty) one.
    pub(crate) fn from_values(values: [Option<&'a str>; 3]) -> Result<Self, VerifyError> {
        let [id, timestamp, signature] = values.map(|value| value.filter(|v| !v.is_empty()));
        let missing = |field: usize| {
            let name = FIELDS[field];
            VerifyError::new(VerifyErrorCode::MissingHeader, format!("missing header webhook-{name} (or svix-{name})"))
        };
        Ok(WebhookHeaders {
            id: id.ok_or_else(|| missing(0))?,
            timestamp: timestamp.ok_or_else(|| missing(1))?,
            signature: signature.ok_or_else(|| missing(2))?,
        })
    }

    /// `missing_header` for the first empty value, as if it were not there.
    fn present(&self) -> Result<(), VerifyError> {
        Self::from_values([Some(self.id), Some(self.timestamp), Some(self.signature)]).map(drop)
    }
}

const FIELDS: [&str; 3] = ["id", "timestamp", "signature"];

/// `("svix-id")` to `(0, 0)`, `("Webhook-Signature")` to `(1, 2)`.
fn split_name(name: &str) -> Option<(usize, usize)> {
    let (prefix, field) = split_once_byte(name, b'-')?;
    Some((position_ignoring_case(&["svix", "webhook"], prefix)?, position_ignoring_case(&FIELDS, field)?))
}

/// Where `name` is in `names`, in any case of ASCII letters.
#[inline(never)]
fn position_ignoring_case(names: &[&str], name: &str) -> Option<usize> {
    names.iter().position(|n| n.eq_ignore_ascii_case(name))
}

/// The HMAC keyed with the secret, ready to clone for each message. Its
/// `Debug` form never shows the key.
#[derive(Clone)]
struct SecretKey(Hmac<Sha256>);

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Verifies and signs webhooks for one endpoint secret.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{Webhook, WebhookError, WebhookHeaders, VerifyErrorCode};
///
/// let webhook = Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
/// let body = include_bytes!("../tests/fixtures/login_failed.json");
/// let now = 1_700_000_000;
/// let signature = webhook.sign("msg_1", now, body);
/// let headers = WebhookHeaders { id: "msg_1", timestamp: "1700000000", signature: &signature };
///
/// let event = webhook.verify_at(body, &headers, now).unwrap();
/// assert_eq!(event.event_type(), "connect_webview.login_failed");
///
/// let tampered = String::from_utf8_lossy(body).replace("login_failed", "login_succeeded");
/// let Err(WebhookError::Verify(err)) = webhook.verify_at(tampered.as_bytes(), &headers, now) else { panic!() };
/// assert_eq!(err.code(), VerifyErrorCode::InvalidSignature);
/// ```
#[derive(Debug, Clone)]
pub struct Webhook {
    key: SecretKey,
    tolerance_seconds: u64,
    options: DecodeOptions,
}

impl Webhook {
    /// A verifier for `secret`: `whsec_` followed by base64, as the webhook
    /// settings show it, or the bare base64.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{Webhook, VerifyErrorCode};
    ///
    /// assert!(Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").is_ok());
    /// assert!(Webhook::new("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").is_ok());
    /// assert_eq!(Webhook::new("whsec_not base64!").unwrap_err().code(), VerifyErrorCode::InvalidSecret);
    /// assert_eq!(format!("{:?}", Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap()).contains("redacted"), true);
    /// ```
    pub fn new(secret: &str) -> Result<Webhook, VerifyError> {
        let encoded = secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret);
        let key = BASE64.decode(encoded).map_err(|e| {
            // Said here rather than with the error's Display, which is larger.
            let why = match e {
                DecodeError64::InvalidByte(at, _) | DecodeError64::InvalidLastSymbol { offset: at, .. } => {
                    format!("a character that cannot be there at index {at}")
                }
                DecodeError64::InvalidLength(length) => format!("{length} characters, a length base64 cannot have"),
                DecodeError64::InvalidPadding => "wrong padding".to_string(),
            };
            VerifyError::new(
                VerifyErrorCode::InvalidSecret,
                format!("the secret is not whsec_ followed by base64: {why}"),
            )
        })?;
        if key.is_empty() {
            return Err(VerifyError::new(VerifyErrorCode::InvalidSecret, "the secret is empty"));
        }
        let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).map_err(|e| {
            VerifyError::new(VerifyErrorCode::InvalidSecret, format!("the secret is not a usable key: {e}"))
        })?;
        Ok(Webhook { key: SecretKey(mac), tolerance_seconds: TOLERANCE_IN_SECONDS, options: DecodeOptions::default() })
    }

    /// Sets how far, in seconds, a timestamp may be from now (default 300).
    pub fn tolerance_seconds(mut self, seconds: u64) -> Self {
        self.tolerance_seconds = seconds;
        self
    }

    /// Sets the options used to decode the body once it is authenticated.
    pub fn decode_options(mut self, options: DecodeOptions) -> Self {
        self.options = options;
        self
    }

    /// The `v1,<base64>` signature of `body` sent with `id` at `timestamp`.
    /// Any timestamp signs, but verifying reads the timestamp header as
    /// digits only, so the signature of one before 1970 never verifies.
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        // Into a buffer: `encode` would bring in the formatting of a panic
        // message that cannot happen.
        let mut encoded = [0u8; 44];
        let written = BASE64.encode_slice(self.mac(id, timestamp, body), &mut encoded).unwrap_or(0);
        let encoded = encoded.get(..written).and_then(|e| std::str::from_utf8(e).ok()).unwrap_or_default();
        format!("{VERSION},{encoded}")
    }

    /// Checks the signature headers against the raw body, with `now` in Unix
    /// seconds. Says nothing about the body's content.
    /// A header with an empty value is `missing_header`, as svix has it.
    pub fn verify_signature(&self, body: &[u8], headers: &WebhookHeaders<'_>, now: i64) -> Result<(), VerifyError> {
        headers.present()?;
        let timestamp = self.timestamp_within_tolerance(headers, now)?;
        check_signature(headers.signature, &self.mac_of(headers.id, timestamp, &mut |mac| mac.update(body)))
    }

    /// The timestamp of the headers, once it is known to be within the
    /// tolerance of `now`.
    pub(crate) fn timestamp_within_tolerance(
        &self,
        headers: &WebhookHeaders<'_>,
        now: i64,
    ) -> Result<i64, VerifyError> {
        let timestamp = parse_timestamp(headers.timestamp)?;
        // Saturating: an absurd timestamp is only ever too old or too new.
        let age = now.saturating_sub(timestamp);
        let tolerance = i64::try_from(self.tolerance_seconds).unwrap_or(i64::MAX);
        if age > tolerance {
            return Err(VerifyError::new(
                VerifyErrorCode::TimestampTooOld,
                format!("message timestamp too old: {age} s ago, more than the {tolerance} s allowed"),
            ));
        }
        if age < -tolerance {
            return Err(VerifyError::new(
                VerifyErrorCode::TimestampTooNew,
                format!(
                    "message timestamp too new: {} s ahead, more than the {tolerance} s allowed",
                    age.unsigned_abs()
                ),
            ));
        }
        Ok(timestamp)
    }

    /// Authenticates the request at `now` (Unix seconds), then decodes its
    /// body. A body over the byte limit is authenticated but not decoded:
    /// [`WebhookError::Decode`] with `payload_too_large` says that it is
    /// authentic and too large; a forged one is [`WebhookError::Verify`], as
    /// any other.
    pub fn verify_at(&self, body: &[u8], headers: &WebhookHeaders<'_>, now: i64) -> Result<SeamEvent, WebhookError> {
        self.verify_signature(body, headers, now)?;
        Ok(self.options.decode_slice(body)?)
    }

    /// [`verify_at`](Self::verify_at) the system clock's now.
    pub fn verify(&self, body: &[u8], headers: &WebhookHeaders<'_>) -> Result<SeamEvent, WebhookError> {
        self.verify_at(body, headers, unix_now())
    }

    /// The HMAC of `{id}.{timestamp}.{body}`, with no allocation.
    pub(crate) fn mac(&self, id: &str, timestamp: i64, body: &[u8]) -> [u8; 32] {
        self.mac_of(id, timestamp, &mut |mac| mac.update(body))
    }

    /// The HMAC of `{id}.{timestamp}.` and the body that `add_body` adds, in
    /// one part or many (in WebAssembly, one too large to copy in whole).
    /// One function from the key to the result, so that the MAC's state is
    /// never moved: each move is a copy of it.
    #[inline(never)]
    pub(crate) fn mac_of(&self, id: &str, timestamp: i64, add_body: &mut dyn FnMut(&mut BodyMac)) -> [u8; 32] {
        let mut mac = BodyMac(self.key.0.clone());
        mac.update(id.as_bytes());
        // The timestamp's decimal digits (with its sign), written backwards
        // after the dot, and the dot after them.
        let mut text = [0u8; 22];
        let mut at = text.len() - 1;
        text[at] = b'.';
        let mut rest = timestamp.unsigned_abs();
        loop {
            at -= 1;
            text[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if timestamp < 0 {
            at -= 1;
            text[at] = b'-';
        }
        at -= 1;
        text[at] = b'.';
        mac.update(&text[at..]);
        add_body(&mut mac);
        mac.0.finalize().into_bytes().into()
    }
}

/// The HMAC of a message being authenticated, in [`Webhook::mac_of`]: the
/// body goes in, in one part or many.
pub(crate) struct BodyMac(Hmac<Sha256>);

impl BodyMac {
    /// The next part of the body. Not inlined: each inlined copy would
    /// bring its own copy of SHA-256's block loop into the .wasm.
    #[inline(never)]
    pub(crate) fn update(&mut self, part: &[u8]) {
        self.0.update(part);
    }
}

/// Whether a `v1` entry of the signature header is `expected`, the MAC of
/// the whole message: compared in constant time, and only at equal length.
pub(crate) fn check_signature(signature: &str, expected: &[u8; 32]) -> Result<(), VerifyError> {
    // As svix reads the header: entries split at spaces, and of each the
    // text before the first comma and the text up to the next one. So a
    // header sent twice, which Node and `Headers` join with ", ", still has
    // its signatures found.
    let matched = split_byte(signature, b' ')
        .filter_map(|entry| split_once_byte(entry, b','))
        .filter(|(version, _)| *version == VERSION)
        .filter_map(|(_, rest)| split_byte(rest, b',').next())
        .any(|signature| {
            // Into a buffer with room for more than a SHA-256 MAC: a longer
            // signature does not fit, and does not match.
            let mut candidate = [0u8; 48];
            match BASE64.decode_slice(signature, &mut candidate) {
                Ok(length) => length == expected.len() && bool::from(candidate[..length].ct_eq(expected)),
                Err(_) => false,
            }
        });
    if matched {
        Ok(())
    } else {
        Err(VerifyError::new(VerifyErrorCode::InvalidSignature, "no matching signature found"))
    }
}

/// Authenticates a request with `secret` and decodes its body, with the
/// default tolerance and decode options.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{verify, WebhookError, WebhookHeaders};
///
/// let headers = WebhookHeaders { id: "msg_1", timestamp: "1", signature: "v1,AAAA" };
/// let Err(WebhookError::Verify(err)) = verify(b"{}", &headers, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") else { panic!() };
/// assert_eq!(err.code().as_str(), "timestamp_too_old");
/// ```
pub fn verify(body: &[u8], headers: &WebhookHeaders<'_>, secret: &str) -> Result<SeamEvent, WebhookError> {
    Webhook::new(secret)?.verify(body, headers)
}

/// Integer Unix seconds: ASCII digits only, no sign, no trailing characters.
fn parse_timestamp(text: &str) -> Result<i64, VerifyError> {
    let invalid = || {
        VerifyError::new(
            VerifyErrorCode::InvalidTimestamp,
            format!("invalid timestamp header: expected integer Unix seconds, found {}", crate::error::quote(text)),
        )
    };
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    text.parse().map_err(|_| invalid())
}

fn unix_now() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    }
}
