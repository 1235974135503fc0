//! Many events at once: NDJSON (one event per line) or a JSON array.
//!
//! Each event is checked on its own, so one bad line does not hide the others;
//! issue positions (`line`, `column`) are those of the whole input. Only a
//! problem with the input as a whole (too large, not UTF-8, a JSON array that
//! does not parse) fails the batch. A JSON array is parsed once, as a whole.

use crate::decode::{DecodeOptions, Fields};
use crate::error::{DecodeError, Issue, IssueCode};
use crate::event::{ConnectWebviewEvent, EventType};
use crate::tree::{self, Node};

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
        self.each(input, |(event_type, fields)| fields.into_event(event_type))
    }

    /// [`decode`](Self::decode) for UTF-8 bytes.
    pub fn decode_slice(&self, input: &[u8]) -> Result<Vec<BatchItem<ConnectWebviewEvent>>, DecodeError> {
        self.decode(self.utf8(input)?)
    }

    /// Checks every event without building them.
    pub fn validate(&self, input: &str) -> Result<Vec<BatchItem<EventType>>, DecodeError> {
        self.each(input, |(event_type, _)| event_type)
    }

    /// [`validate`](Self::validate) for UTF-8 bytes.
    pub fn validate_slice(&self, input: &[u8]) -> Result<Vec<BatchItem<EventType>>, DecodeError> {
        self.validate(self.utf8(input)?)
    }

    fn utf8<'a>(&self, input: &'a [u8]) -> Result<&'a str, DecodeError> {
        DecodeOptions::new().max_bytes(self.max_batch_bytes).utf8(input)
    }

    fn each<'de, T>(
        &self,
        input: &'de str,
        finish: impl Fn((EventType, Fields<'de>)) -> T,
    ) -> Result<Vec<BatchItem<T>>, DecodeError> {
        DecodeOptions::new().max_bytes(self.max_batch_bytes).check_size(input.len())?;
        if !input.trim_start_matches(is_blank).starts_with('[') {
            let lines = ndjson_spans(input).into_iter().enumerate().map(|(index, span)| {
                let result = self.decode.check(&input[span.start..span.end]).map(&finish).map_err(|e| span.relocate(e));
                BatchItem { index, line: span.line, result }
            });
            return Ok(lines.collect());
        }
        let mut issues = Vec::new();
        let elements = match tree::parse(input, &mut issues) {
            Ok(Node::Array(elements)) => elements,
            Ok(other) => return Err(not_an_array(&other)),
            Err(syntax) => return Err(DecodeError::new(vec![syntax])),
        };
        let mut parse_issues = route_by_element(issues, elements.len());
        let spans = element_spans(input);
        let items = elements.into_iter().enumerate().map(|(index, element)| {
            let span = spans.get(index).copied().unwrap_or(Span { start: 0, end: 0, line: 1, column: 1 });
            let result = match self.decode.check_size(span.end - span.start) {
                Ok(()) => self.decode.check_node(element, std::mem::take(&mut parse_issues[index])).map(&finish),
                Err(too_large) => Err(too_large),
            };
            BatchItem { index, line: span.line, result }
        });
        Ok(items.collect())
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

/// Where each element of a JSON array is, found by a scan of text that has
/// already parsed: strings are skipped, and an element runs from its first
/// character at depth 1 to its last before the next `,` or the closing `]`.
fn element_spans(input: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut start, mut last) = (None, 0);
    let (mut line, mut column) = (1, 0);
    let (mut start_line, mut start_column) = (1, 1);
    for (i, c) in input.char_indices() {
        if c == '\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            last = i;
            continue;
        }
        if is_blank(c) {
            continue;
        }
        let closing = matches!(c, ']' | '}');
        if depth == 1 && (c == ',' || closing) {
            if let Some(start) = start.take() {
                spans.push(Span { start, end: last + 1, line: start_line, column: start_column });
            }
        } else if depth == 1 && start.is_none() {
            (start, start_line, start_column) = (Some(i), line, column);
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => depth += 1,
            _ if closing => depth = depth.saturating_sub(1),
            _ => {}
        }
        last = i;
    }
    spans
}

/// Splits issues found while parsing a whole array (`/3/event_id`) among its
/// elements (`/event_id` of element 3).
fn route_by_element(issues: Vec<Issue>, elements: usize) -> Vec<Vec<Issue>> {
    let mut routed = vec![Vec::new(); elements];
    for mut issue in issues {
        let rest = issue.path.strip_prefix('/').unwrap_or("");
        let (index, path) = rest.split_once('/').map_or((rest, ""), |(i, p)| (i, p));
        if let Some(bucket) = index.parse::<usize>().ok().and_then(|i| routed.get_mut(i)) {
            issue.path = if path.is_empty() { String::new() } else { format!("/{path}") };
            bucket.push(issue);
        }
    }
    routed
}

/// The input starts with `[` but is not an array: cannot happen after a parse
/// that succeeded, but is an issue rather than a panic.
fn not_an_array(node: &Node<'_>) -> DecodeError {
    let message = format!("expected a JSON array of events, found {}", node.kind());
    DecodeError::new(vec![Issue::new(IssueCode::InvalidType, String::new(), message)])
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn element_spans_skip_brackets_commas_and_quotes_inside_strings() {
        let input = "[ {\"a\": \"],[\\\"{\"}, [1, [2]],\n  \"x\\\\\" , -1.5e3 ,{}]";
        let texts: Vec<_> = element_spans(input).iter().map(|s| (&input[s.start..s.end], s.line, s.column)).collect();
        assert_eq!(
            texts,
            [("{\"a\": \"],[\\\"{\"}", 1, 3), ("[1, [2]]", 1, 20), ("\"x\\\\\"", 2, 3), ("-1.5e3", 2, 11), ("{}", 2, 19)]
        );
        assert!(element_spans("[]").is_empty());
        assert!(element_spans("[ \n ]").is_empty());
    }

    #[test]
    fn issues_from_the_whole_array_go_to_their_element() {
        let issue = |path: &str| Issue::new(IssueCode::DuplicateField, path.into(), String::new());
        let routed = route_by_element(vec![issue("/1/a"), issue("/0/b/c"), issue("/1"), issue("/9/x")], 2);
        let paths: Vec<Vec<&str>> = routed.iter().map(|v| v.iter().map(|i| i.path.as_str()).collect()).collect();
        assert_eq!(paths, [vec!["/b/c"], vec!["/a", ""]]);
    }

    #[test]
    fn an_element_over_the_event_limit_is_refused_alone() {
        let options = BatchOptions { decode: DecodeOptions::new().max_bytes(8), ..BatchOptions::default() };
        let items = options.validate("[{\"event_type\": 1}, 1]").unwrap();
        assert_eq!(items[0].result.as_ref().unwrap_err().issues()[0].code, IssueCode::PayloadTooLarge);
        assert_eq!(items[1].result.as_ref().unwrap_err().issues()[0].code, IssueCode::InvalidType);
    }
}
