//! Many events at once: NDJSON (one event per line) or a JSON array.
//!
//! Each event is checked on its own, so one bad line does not hide the others;
//! issue positions (`line`, `column`) are those of the whole input. Only a
//! problem with the input as a whole (too large, not UTF-8, a JSON array that
//! does not parse) fails the batch. A JSON array is read once, as a whole,
//! for its syntax and where its elements are, building nothing and with no
//! limit on nesting; then each element is checked as an event on its own.

use std::ops::Range;

use crate::check::array_elements;
use crate::decode::{build, DecodeOptions};
use crate::error::{DecodeError, IssueCode};
use crate::scan::moved_message;
use crate::seam_event::SeamEvent;
use crate::shape::SeamEventType;
use crate::text::begins_char;

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
    /// non-blank character `[`, unless the first line is a whole JSON value
    /// and more lines follow: that is NDJSON whose first line is not an event).
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{BatchOptions, IssueCode};
    ///
    /// let failed = include_str!("../tests/fixtures/login_failed.json").replace('\n', "");
    /// let ndjson = format!("{failed}\n\n{{\"event_type\": \"device.exploded\"}}\n{failed}\n");
    /// let items = BatchOptions::default().decode(&ndjson).unwrap();
    /// assert_eq!(items.iter().map(|i| (i.index, i.line)).collect::<Vec<_>>(), [(0, 1), (1, 3), (2, 4)]);
    /// assert!(items[0].result.is_ok());
    /// assert_eq!(items[1].result.as_ref().unwrap_err().issues()[0].code, IssueCode::UnknownEventType);
    /// ```
    pub fn decode(&self, input: &str) -> Result<Vec<BatchItem<SeamEvent>>, DecodeError> {
        self.each(input, build)
    }

    /// [`decode`](Self::decode) for UTF-8 bytes.
    pub fn decode_slice(&self, input: &[u8]) -> Result<Vec<BatchItem<SeamEvent>>, DecodeError> {
        self.decode(self.utf8(input)?)
    }

    /// Checks every event without building them.
    pub fn validate(&self, input: &str) -> Result<Vec<BatchItem<SeamEventType>>, DecodeError> {
        self.each(input, |_, event_type| Ok(event_type))
    }

    /// [`validate`](Self::validate) for UTF-8 bytes.
    pub fn validate_slice(&self, input: &[u8]) -> Result<Vec<BatchItem<SeamEventType>>, DecodeError> {
        self.validate(self.utf8(input)?)
    }

    fn utf8<'a>(&self, input: &'a [u8]) -> Result<&'a str, DecodeError> {
        DecodeOptions::new().max_bytes(self.max_batch_bytes).utf8(input)
    }

    /// [`validate_slice`](Self::validate_slice) one event at a time, and how
    /// the input was read: for JavaScript, which writes each item into its
    /// report as it comes (holding them all at once could take more memory
    /// than a wasm32 instance has) and then parses the valid events itself.
    #[cfg(any(target_arch = "wasm32", test))]
    pub(crate) fn validate_slice_as<'a>(
        &'a self,
        input: &'a [u8],
    ) -> Result<(Layout, impl Iterator<Item = BatchItem<SeamEventType>> + 'a), DecodeError> {
        self.items(self.utf8(input)?, |_, event_type| Ok(event_type))
    }

    /// Checks each event, then `finish`es the valid ones with their text.
    fn each<T>(
        &self,
        input: &str,
        finish: impl Fn(&str, SeamEventType) -> Result<T, DecodeError>,
    ) -> Result<Vec<BatchItem<T>>, DecodeError> {
        self.items(input, finish).map(|(_, items)| items.collect())
    }

    /// The layout of `input`, and its events as they are checked and
    /// `finish`ed, in order.
    fn items<'a, T>(
        &'a self,
        input: &'a str,
        finish: impl Fn(&str, SeamEventType) -> Result<T, DecodeError> + 'a,
    ) -> Result<(Layout, impl Iterator<Item = BatchItem<T>> + 'a), DecodeError> {
        DecodeOptions::new().max_bytes(self.max_batch_bytes).check_size(input.len())?;
        let (layout, spans) = layout_of(input)?;
        let items = spans.enumerate().map(move |(index, span)| {
            let text = input.get(span.start..span.end).unwrap_or_default();
            let result = self.decode.validate(text).and_then(|t| finish(text, t)).map_err(|e| span.relocate(e));
            BatchItem { index, line: span.line, result }
        });
        Ok((layout, items))
    }
}

/// How a batch's events are laid out in its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One event per line.
    Ndjson,
    /// The elements of one JSON array.
    Array,
}

/// Tells NDJSON from a JSON array, and where each event is. An input whose
/// first non-blank character is `[` is a JSON array, read as a whole, so that
/// one that does not parse is refused with its position; unless its first
/// line is a whole JSON value and more lines follow (which is why the whole
/// does not parse): then it is NDJSON whose first line is not an event, and
/// that line's own result says so.
#[allow(clippy::type_complexity)]
fn layout_of(
    input: &str,
) -> Result<(Layout, Spans<impl Iterator<Item = Span> + '_, impl Iterator<Item = Span> + '_>), DecodeError> {
    if !input.trim_start_matches(is_blank).starts_with('[') {
        return Ok((Layout::Ndjson, Spans::Lines(ndjson_spans(input))));
    }
    let error = match array_elements(input) {
        Ok(elements) => return Ok((Layout::Array, Spans::Elements(spans_of(input, elements)))),
        Err(error) => error,
    };
    let first_line = ndjson_spans(input).next().and_then(|span| input.get(span.start..span.end)).unwrap_or_default();
    if array_elements(first_line).is_ok() {
        Ok((Layout::Ndjson, Spans::Lines(ndjson_spans(input))))
    } else {
        Err(error)
    }
}

/// Where each event of a batch is, found as they are read: a batch of
/// millions of short lines needs no list of them all.
enum Spans<L, E> {
    Lines(L),
    Elements(E),
}

impl<L: Iterator<Item = Span>, E: Iterator<Item = Span>> Iterator for Spans<L, E> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        match self {
            Spans::Lines(lines) => lines.next(),
            Spans::Elements(elements) => elements.next(),
        }
    }
}

/// Decodes NDJSON or a JSON array with the default options.
pub fn decode_batch(input: &str) -> Result<Vec<BatchItem<SeamEvent>>, DecodeError> {
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
        let mut issues = error.into_issues();
        for issue in &mut issues {
            if let (Some(line), Some(column)) = (issue.line, issue.column) {
                let moved = (line + self.line - 1, if line == 1 { column + self.column - 1 } else { column });
                // The message names the position too.
                if issue.code == IssueCode::InvalidJson {
                    issue.message = moved_message(&issue.message, moved);
                }
                (issue.line, issue.column) = (Some(moved.0), Some(moved.1));
            }
        }
        DecodeError::new(issues)
    }
}

/// Every non-blank line, without the `\r` of a CRLF line end (which is not
/// the event's, so it does not count toward `max_bytes`).
fn ndjson_spans(input: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    crate::text::split_byte(input, b'\n').enumerate().filter_map(move |(number, line)| {
        let at = start;
        start += line.len() + 1;
        let event = line.strip_suffix('\r').unwrap_or(line);
        (!line.chars().all(is_blank)).then_some(Span { start: at, end: at + event.len(), line: number + 1, column: 1 })
    })
}

/// The elements' spans, with the line and character column where each
/// starts, counted in one walk through the input.
fn spans_of(input: &str, elements: Vec<Range<usize>>) -> impl Iterator<Item = Span> + '_ {
    let (mut at, mut line, mut column) = (0, 1, 1);
    elements.into_iter().map(move |Range { start, end }| {
        for &byte in input.as_bytes().get(at..start).unwrap_or_default() {
            if byte == b'\n' {
                (line, column) = (line + 1, 1);
            } else if begins_char(byte) {
                column += 1;
            }
        }
        at = start;
        Span { start, end, line, column }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::IssueCode;

    const FAILED: &str = include_str!("../tests/fixtures/login_failed.json");

    /// (index, line, [(code, line, column)]) of each item.
    type Summary = Vec<(usize, usize, Vec<(IssueCode, Option<usize>, Option<usize>)>)>;

    fn summary(input: &str) -> Summary {
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
        // The message names the same place as `line` and `column`.
        let err = BatchOptions::default().validate(&input).unwrap().remove(1).result.unwrap_err();
        assert!(
            err.issues()[0].message.starts_with("not valid JSON at line 4, column 7: "),
            "{}",
            err.issues()[0].message
        );
    }

    #[test]
    fn arrays_give_each_element_its_line_and_shift_positions() {
        let input = format!("[\n  {},\n  {{\"event_type\": 1, \"x\": 1, \"x\": 2}}, [], \"s\"\n]", FAILED.trim_end());
        let lines = FAILED.lines().count();
        let items = summary(&input);
        assert_eq!(items.len(), 4);
        assert_eq!((items[0].0, items[0].1, items[0].2.len()), (0, 2, 0));
        assert_eq!(items[1].1, 2 + lines);
        assert_eq!(
            items[1].2.iter().map(|i| i.0).collect::<Vec<_>>(),
            // With no event type to go by, only that is reported.
            [IssueCode::DuplicateField, IssueCode::InvalidType]
        );
        assert_eq!(items[2].2, vec![(IssueCode::InvalidType, None, None)]);
    }

    #[test]
    fn a_broken_array_fails_the_whole_batch_with_its_position() {
        let err = BatchOptions::default().validate("[\n {}, \n").unwrap_err();
        let issue = &err.issues()[0];
        assert_eq!((issue.code, issue.line), (IssueCode::InvalidJson, Some(3)));
    }

    #[test]
    fn a_first_line_that_is_a_whole_array_is_a_line_of_ndjson() {
        let one = FAILED.replace('\n', "");
        let invalid_type = vec![(IssueCode::InvalidType, None, None)];
        // Each line its own result: the array is not an event, the others decode.
        assert_eq!(
            summary(&format!("  [1]\r\n\n{one}\n[]\n{one}")),
            vec![(0, 1, invalid_type.clone()), (1, 3, vec![]), (2, 4, invalid_type), (3, 5, vec![])]
        );
        let options = BatchOptions::default();
        let input = format!("[1]\n{one}");
        let (layout, items) = options.validate_slice_as(input.as_bytes()).unwrap();
        assert_eq!((layout, items.count()), (Layout::Ndjson, 2));
        // One array, on one line or many, with nothing after it, is an array.
        for input in [format!("[{one}, {one}]\n\n"), format!("[\n{one},\n{one}\n]")] {
            let (layout, items) = options.validate_slice_as(input.as_bytes()).unwrap();
            assert_eq!((layout, items.count()), (Layout::Array, 2), "{input}");
        }
        // A first line that is not whole is an array that does not parse,
        // refused where it breaks, whatever follows.
        let err = BatchOptions::default().validate(&format!("[{one},\n{one}\n{one}")).unwrap_err();
        assert_eq!((err.issues()[0].code, err.issues()[0].line), (IssueCode::InvalidJson, Some(3)));
        let err = BatchOptions::default().validate("[1]]\n{}").unwrap_err();
        assert_eq!((err.issues()[0].code, err.issues()[0].line), (IssueCode::InvalidJson, Some(1)));
    }

    #[test]
    fn the_batch_limit_is_checked_first() {
        let options = BatchOptions { max_batch_bytes: 4, ..BatchOptions::default() };
        assert_eq!(options.validate("{}\n{}").unwrap_err().issues()[0].code, IssueCode::PayloadTooLarge);
        assert_eq!(
            options.validate_slice(b"\xff\xff\xff\xff\xff").unwrap_err().issues()[0].code,
            IssueCode::PayloadTooLarge
        );
    }

    #[test]
    fn element_spans_start_at_their_line_and_character_column() {
        let input = "[ {\"a\": \"],[\\\"{\"}, [1, [2]],\n  \"x\\\\\" , -1.5e3 ,{}]";
        let spans = |input| spans_of(input, array_elements(input).unwrap());
        let texts: Vec<_> = spans(input).map(|s| (&input[s.start..s.end], s.line, s.column)).collect();
        assert_eq!(
            texts,
            [
                ("{\"a\": \"],[\\\"{\"}", 1, 3),
                ("[1, [2]]", 1, 20),
                ("\"x\\\\\"", 2, 3),
                ("-1.5e3", 2, 11),
                ("{}", 2, 19)
            ]
        );
        // Characters, not bytes, and lines after a multi-line element.
        let input = "[\"é\u{1F600}\", {\n\"k\": \"ü\"}, 1,\n\n   \"ö\", 2]";
        let starts: Vec<_> = spans(input).map(|s| (s.line, s.column)).collect();
        assert_eq!(starts, [(1, 2), (1, 8), (2, 12), (4, 4), (4, 9)]);
    }

    #[test]
    fn an_element_past_i_jsons_limits_is_that_elements_failure_in_an_array_as_on_its_own_line() {
        let one = FAILED.replace('\n', "");
        let failed = Ok(SeamEventType::at(crate::catalogue::event_type::CONNECT_WEBVIEW_LOGIN_FAILED));
        let outcomes = |input: &str| -> Vec<_> {
            let items = BatchOptions::default().validate(input).unwrap();
            items.iter().map(|i| i.result.as_ref().copied().map_err(|e| e.issues()[0].clone())).collect()
        };
        // JSON's syntax, past I-JSON's limits: a number beyond a double, and
        // escaped surrogates that are not a pair, keys too, and after them
        // the escapes read on their own (a lone one cannot hide a quote).
        let elements = [
            r#"{"n": 1e400}"#,
            r#"{"s": "\ud800"}"#,
            r#"{"s": "a\udc00b"}"#,
            r#"{"\ud800\n": 1}"#,
            r#"{"s": "\ud800\""}"#,
            r#"{"s": "\ud800\ud800\udc00"}"#,
        ];
        for element in elements {
            let array = format!("[{one},\n {element},\n {one}]");
            let ndjson = format!("{one}\n {element}\n{one}");
            let [in_array, on_its_line] = [&array, &ndjson].map(|input| outcomes(input));
            assert_eq!(in_array.len(), 3, "{array}");
            assert_eq!((&in_array[0], &in_array[2]), (&failed, &failed), "{array}");
            let (Err(a), Err(b)) = (&in_array[1], &on_its_line[1]) else { panic!("{array}: {in_array:?}") };
            assert_eq!(a.code, IssueCode::InvalidJson, "{array}");
            // The same issue where it is in the whole input: line 2, after one space.
            assert_eq!((a.message.as_str(), a.line, a.column), (b.message.as_str(), b.line, b.column), "{array}");
            assert_eq!(a.line, Some(2), "{array}");
        }
        // A pair is one character, not a failure.
        let pair = outcomes(&format!(r#"[{one}, {{"s": "\ud83d\ude00"}}]"#));
        assert_eq!(pair[1].as_ref().unwrap_err().code, IssueCode::MissingField);
        // A control character in a string is not JSON at all: the array is refused where it is.
        let broken = format!("[{one},\n {{\"s\": \"a\u{1}b\"}},\n {one}]");
        let err = BatchOptions::default().validate(&broken).unwrap_err();
        assert_eq!((err.issues()[0].code, err.issues()[0].line), (IssueCode::InvalidJson, Some(2)));
    }

    #[test]
    fn an_element_nests_as_deep_in_an_array_as_on_its_own_line() {
        let one = FAILED.replace('\n', "");
        let nested = |levels: usize| {
            one.replacen('{', &format!("{{\"x\": {}{},", "[".repeat(levels - 1), "]".repeat(levels - 1)), 1)
        };
        let failed = Ok(SeamEventType::at(crate::catalogue::event_type::CONNECT_WEBVIEW_LOGIN_FAILED));
        let verdicts = |input: &str| -> Vec<_> {
            let items = BatchOptions::default().validate(input).unwrap();
            items.iter().map(|i| i.result.as_ref().copied().map_err(|e| e.issues()[0].code)).collect()
        };
        assert_eq!(verdicts(&format!("[{one}, {}]", nested(128))), [failed, failed]);
        assert_eq!(
            verdicts(&format!("{one}\n{}\n{}", nested(128), nested(129))),
            [failed, failed, Err(IssueCode::InvalidJson)]
        );
        // Deeper than that, in an array too, it is that element's failure,
        // at its position in the whole input; the others decode.
        let deep = format!("[{one}, {}, {one}]", nested(129));
        assert_eq!(verdicts(&deep), [failed, Err(IssueCode::InvalidJson), failed]);
        let items = BatchOptions::default().validate(&deep).unwrap();
        let issue = &items[1].result.as_ref().unwrap_err().issues()[0];
        let column = deep.find(&"[".repeat(128)).unwrap() + 128;
        assert_eq!((issue.line, issue.column), (Some(1), Some(column)), "{}", issue.message);
    }

    #[test]
    fn a_crlf_line_end_does_not_count_toward_the_event_limit() {
        let one = FAILED.replace('\n', "");
        let exactly = BatchOptions { decode: DecodeOptions::new().max_bytes(one.len()), ..BatchOptions::default() };
        let items = exactly.validate(&format!("{one}\r\n{one}\r\n")).unwrap();
        assert!(items.iter().all(|item| item.result.is_ok()), "{items:?}");
        let under = BatchOptions { decode: DecodeOptions::new().max_bytes(one.len() - 1), ..BatchOptions::default() };
        let items = under.validate(&format!("{one}\r\n")).unwrap();
        assert_eq!(items[0].result.as_ref().unwrap_err().issues()[0].code, IssueCode::PayloadTooLarge);
    }

    #[test]
    fn an_element_over_the_event_limit_is_refused_alone() {
        let options = BatchOptions { decode: DecodeOptions::new().max_bytes(8), ..BatchOptions::default() };
        let items = options.validate("[{\"event_type\": 1}, 1]").unwrap();
        assert_eq!(items[0].result.as_ref().unwrap_err().issues()[0].code, IssueCode::PayloadTooLarge);
        assert_eq!(items[1].result.as_ref().unwrap_err().issues()[0].code, IssueCode::InvalidType);
    }
}
