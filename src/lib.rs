#![doc = include_str!("../README.md")]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod batch;
#[rustfmt::skip]
mod catalogue;
mod check;
mod decode;
mod error;
mod event;
mod fast;
mod hashing;
#[cfg(any(test, fuzzing))]
#[doc(hidden)]
pub mod oracle;
mod pointer;
pub mod rules;
mod scan;
mod schema;
mod shape;
mod signature;
mod text;
mod tree;
mod validate;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use batch::{decode_batch, BatchItem, BatchOptions, DEFAULT_MAX_BATCH_BYTES};
pub use decode::{decode, decode_slice, DecodeOptions, DEFAULT_MAX_BYTES};
pub use error::{DecodeError, Issue, IssueCode};
pub use event::{
    ConnectWebviewEvent, ConnectWebviewLoginFailedEvent, ConnectWebviewLoginSucceededEvent, CustomMetadata, EventType,
    MetadataValue,
};
pub use shape::SeamEventType;
pub use signature::{
    verify, VerifyError, VerifyErrorCode, Webhook, WebhookError, WebhookHeaders, TOLERANCE_IN_SECONDS,
};
