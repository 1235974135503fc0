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
mod lane;
#[cfg(any(test, fuzzing))]
#[doc(hidden)]
pub mod oracle;
mod pointer;
pub mod rules;
mod scan;
mod schema;
mod seam_event;
mod shape;
mod signature;
mod text;
mod tree;
mod validate;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
mod wire;

pub use batch::{decode_batch, BatchItem, BatchOptions, DEFAULT_MAX_BATCH_BYTES};
pub use decode::{decode, decode_slice, DecodeOptions, DEFAULT_MAX_BYTES};
pub use error::{DecodeError, Issue, IssueCode};
pub use event::{CustomMetadata, MetadataValue};
pub use seam_event::*;
pub use shape::{SeamEventType, UnknownEventType};
pub use signature::{
    verify, VerifyError, VerifyErrorCode, Webhook, WebhookError, WebhookHeaders, TOLERANCE_IN_SECONDS,
};
