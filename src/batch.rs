//! Many events at once: NDJSON (one event per line) or a JSON array.
//!
//! Each event is checked on its own, so one bad line does not hide the others;
//! issue positions (`line`, `column`) are those of the whole input. Only a
//! problem with the input as a whole (too large, not UTF-8, a JSON array that
//! does not parse) fails the batch.

use serde_json::value::RawValue;

use crate::decode::DecodeOptions;
use crate::error::{DecodeError, Issue};
use crate::event::{ConnectWebviewEvent, EventType};
use crate::tree::syntax_issue;

/// The default limit on a whole batch: 256 MiB.
pub const DEFAULT_MAX_BATCH_BYTES: usize = 256 << 20;

/// One event of a batch and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItem<T> {
    /// 0-based position among the events (blank NDJSON lines do not count).
    pub index: usize,
    /// 1-based line of the input where the event starts.
    pub line: usize,
    /// The event, or every issue with it.
    pub result: Result<T, DecodeError>,
}

/// How a batch is read, and the limit on its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchOptions {
    /// Options for each event (`max_bytes` is per event).
    pub decode: DecodeOptions,
    /// Refuse a whole input longer than this (default [`DEFAULT_MAX_BATCH_BYTES`]).
    pub max_batch_bytes: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions { decode: DecodeOptions::default(), max_batch_bytes: DEFAULT_MAX_BATCH_BYTES }
    }
}

impl BatchOptions {
    /// Decodes every event of NDJSON or a JSON array (told apart by a first
    /// non-blank character `[`).
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{BatchOptions, IssueCode};
    ///
    /// let failed = include_str!("../tests/fixtures/login_failed.json").replace('\n', "");
    /// let ndjson = format!("{failed}\n\n{{\"event_type\": \"device.connected\"}}\n{failed}\n");
    /// let items = BatchOptions::default().decode(&ndjson).unwrap();
    /// assert_eq!(items.iter().map(|i| (i.index, i.line)).collect::<Vec<_>>(), [(0, 1), (1, 3), (2, 4)]);
    /// assert!(items[0].result.is_ok());
    /// assert_eq!(items[1].result.as_ref().unwrap_err().issues()[0].code, IssueCode::UnknownEventType);
    /// ```
    pub fn decode(&self, input: &str) -> Result<Vec<BatchItem<ConnectWebviewEvent>>, DecodeError> {
        self.each(input, |options, text| options.decode(text))
    }

    /// [`decode`](Self::decode) for UTF-8 bytes.
    pub fn decode_slice(&self, input: &[u8]) -> Result<Vec<BatchItem<ConnectWebviewEvent>>, DecodeError> {
        self.decode(self.utf8(input)?)
    }

    /// Checks every event without building them.
    pub fn validate(&self, input: &str) -> Result<Vec<BatchItem<EventType>>, DecodeError> {
        self.each(input, |options, text| options.validate(text))
    }

    /// [`validate`](Self::validate) for UTF-8 bytes.
    pub fn validate_slice(&self, input: &[u8]) -> Result<Vec<BatchItem<EventType>>, DecodeError> {
        self.validate(self.utf8(input)?)
    }

    fn utf8<'a>(&self, input: &'a [u8]) -> Result<&'a str, DecodeError> {
        DecodeOptions::new().max_bytes(self.max_batch_bytes).utf8(input)
    }

    fn each<T>(
        &self,
        input: &str,
        one: impl Fn(&DecodeOptions, &str) -> Result<T, DecodeError>,
    ) -> Result<Vec<BatchItem<T>>, DecodeError> {
        DecodeOptions::new().max_bytes(self.max_batch_bytes).check_size(input.len())?;
        let spans = if input.trim_start_matches(is_blank).starts_with('[') { array_spans(input)? } else { ndjson_spans(input) };
        Ok(spans
            .into_iter()
            .enumerate()
            .map(|(index, span)| {
                let result = one(&self.decode, &input[span.start..span.end]).map_err(|e| span.relocate(e));
                BatchItem { index, line: span.line, result }
            })
            .collect())
    }
}

/// Decodes NDJSON or a JSON array with the default options.
pub fn decode_batch(input: &str) -> Result<Vec<BatchItem<ConnectWebviewEvent>>, DecodeError> {
    BatchOptions::default().decode(input)
}

/// JSON whitespace within a line.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Where one event's text is in the input.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    /// 1-based line and character column of `start`.
    line: usize,
    column: usize,
}

impl Span {
    /// Moves issue positions from the event's text to the whole input.
    fn relocate(&self, error: DecodeError) -> DecodeError {
        let issues = error
            .into_issues()
            .into_iter()
            .map(|mut issue| {
                if let (Some(line), Some(column)) = (issue.line, issue.column) {
                    issue.column = Some(if line == 1 { column + self.column - 1 } else { column });
                    issue.line = Some(line + self.line - 1);
                }
                issue
            })
            .collect();
        DecodeError::new(issues)
    }
}

/// Every non-blank line; a trailing `\r` is left to the JSON parser, which
/// takes it as whitespace.
fn ndjson_spans(input: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (number, line) in input.split('\n').enumerate() {
        if !line.chars().all(is_blank) {
            spans.push(Span { start, end: start + line.len(), line: number + 1, column: 1 });
        }
        start += line.len() + 1;
    }
    spans
}

/// The text of each element of a JSON array.
fn array_spans(input: &str) -> Result<Vec<Span>, DecodeError> {
    let elements: Vec<&RawValue> =
        serde_json::from_str(input).map_err(|e| DecodeError::new(vec![array_issue(input, &e)]))?;
    let base = input.as_ptr() as usize;
    let mut spans = Vec::with_capacity(elements.len());
    // Lines and columns are counted incrementally, once over the input.
    let (mut line, mut column, mut counted) = (1, 1, 0);
    for raw in elements {
        let text = raw.get();
        let start = text.as_ptr() as usize - base;
        for c in input[counted..start].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        counted = start;
        spans.push(Span { start, end: start + text.len(), line, column });
    }
    Ok(spans)
}

/// A JSON array that does not parse, or is not an array.
fn array_issue(input: &str, e: &serde_json::Error) -> Issue {
    let mut issue = syntax_issue(input, e);
    if e.is_data() {
        issue.message = format!("expected a JSON array of events: {}", issue.message);
    }
    issue
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IssueCode;

    const FAILED: &str = include_str!("../tests/fixtures/login_failed.json");

    fn summary(input: &str) -> Vec<(usize, usize, Vec<(IssueCode, Option<usize>, Option<usize>)>)> {
        BatchOptions::default()
            .validate(input)
            .unwrap()
            .into_iter()
            .map(|item| {
                let issues = match item.result {
                    Ok(_) => vec![],
                    Err(e) => e.issues().iter().map(|i| (i.code, i.line, i.column)).collect(),
                };
                (item.index, item.line, issues)
            })
            .collect()
    }

    #[test]
    fn ndjson_skips_blank_lines_and_places_syntax_errors_in_the_input() {
        let one = FAILED.replace('\n', "");
        let input = format!("{one}\r\n  \n\t\n{{\"a\": }}\n{one}");
        assert_eq!(
            summary(&input),
            vec![(0, 1, vec![]), (1, 4, vec![(IssueCode::InvalidJson, Some(4), Some(7))]), (2, 5, vec![])]
        );
        assert!(summary("").is_empty());
        assert!(summary("\n\n").is_empty());
    }

    #[test]
    fn arrays_give_each_element_its_line_and_shift_positions() {
        let input = format!("[\n  {},\n  {{\"event_type\": 1, \"x\": 1, \"x\": 2}}, [], \"s\"\n]", FAILED.trim_end());
        let lines = FAILED.lines().count();
        let items = summary(&input);
        assert_eq!(items.len(), 4);
        assert_eq!((items[0].0, items[0].1, items[0].2.len()), (0, 2, 0));
        assert_eq!(items[1].1, 2 + lines);
        assert_eq!(items[1].2.iter().map(|i| i.0).collect::<Vec<_>>(), [IssueCode::DuplicateField, IssueCode::InvalidType, IssueCode::MissingField, IssueCode::MissingField, IssueCode::MissingField, IssueCode::MissingField, IssueCode::MissingField]);
        assert_eq!(items[2].2, vec![(IssueCode::InvalidType, None, None)]);
    }

    #[test]
    fn a_broken_array_fails_the_whole_batch_with_its_position() {
        let err = BatchOptions::default().validate("[\n {}, \n").unwrap_err();
        let issue = &err.issues()[0];
        assert_eq!((issue.code, issue.line), (IssueCode::InvalidJson, Some(3)));
    }

    #[test]
    fn the_batch_limit_is_checked_first() {
        let options = BatchOptions { max_batch_bytes: 4, ..BatchOptions::default() };
        assert_eq!(options.validate("{}\n{}").unwrap_err().issues()[0].code, IssueCode::PayloadTooLarge);
        assert_eq!(options.validate_slice(b"\xff\xff\xff\xff\xff").unwrap_err().issues()[0].code, IssueCode::PayloadTooLarge);
    }
}
