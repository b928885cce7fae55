//! A file's bytes as the text the readers walk, whatever wrote it: UTF-8 with or without a
//! byte-order mark, UTF-16 (Excel's "Unicode text"), and Windows (CRLF), Unix (LF) or old
//! Mac (CR) line breaks. Line numbers are the physical lines of the file, so a message can
//! be followed in any editor.

use crate::io::LoadError;
use std::borrow::Cow;

/// The text of `bytes`: the byte-order mark dropped, UTF-16 decoded, and lone CRs turned
/// into LFs (one byte for one, so offsets and line counts are those of the file). CRLF is
/// left alone: the CSV reader takes it as one break and `LineCounter` counts its LF.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, LoadError> {
    let text: Cow<'a, str> = match utf16(bytes) {
        Some(big_endian) => Cow::Owned(from_utf16(file, bytes, big_endian)?),
        None => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            Cow::Borrowed(std::str::from_utf8(body).map_err(|e| {
                let line = LineCounter::default().line_of(body, e.valid_up_to());
                LoadError::file(
                    file,
                    "not UTF-8 or UTF-16 text: save it as UTF-8 (\"CSV UTF-8\" in Excel) and open it again",
                )
                .at_line(Some(line))
            })?)
        }
    };
    Ok(if has_lone_cr(&text) {
        Cow::Owned(lone_cr_to_lf(&text))
    } else {
        text
    })
}

/// Whether the bytes are UTF-16, and if so whether big-endian: by the byte-order mark, or
/// for files without one by the zero bytes every ASCII character leaves in one half.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(false),
        [0xFE, 0xFF, ..] => return Some(true),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |odd: usize| {
        head.iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // Text in UTF-8 has no zero bytes at all; UTF-16 of mostly ASCII has them in every pair.
    if odd * 10 > pairs * 7 && even * 10 < pairs {
        Some(false)
    } else if even * 10 > pairs * 7 && odd * 10 < pairs {
        Some(true)
    } else {
        None
    }
}

fn from_utf16(file: &str, bytes: &[u8], big_endian: bool) -> Result<String, LoadError> {
    let body = match bytes {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => rest,
        _ => bytes,
    };
    let units = body.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut out = String::with_capacity(body.len() / 2);
    let mut line = 1;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                line += usize::from(c == '\n');
                out.push(c);
            }
            Err(_) => {
                return Err(LoadError::file(
                    file,
                    "broken UTF-16 text (a lone surrogate): save it again as UTF-8 or UTF-16",
                )
                .at_line(Some(line)));
            }
        }
    }
    if body.len() % 2 == 1 {
        return Err(LoadError::file(
            file,
            "broken UTF-16 text: the file ends in the middle of a character",
        )
        .at_line(Some(line)));
    }
    Ok(out)
}

fn has_lone_cr(text: &str) -> bool {
    // `match_indices` finds the CRs with a fast byte search; most files have none.
    let b = text.as_bytes();
    text.match_indices('\r')
        .any(|(i, _)| b.get(i + 1) != Some(&b'\n'))
}

fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The first `max` bytes of `text`, cut back to a character's start.
pub fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Physical line numbers from byte offsets that only go forward, as a reader's records do:
/// counts the LFs walked over, so breaks inside quoted fields count.
#[derive(Debug, Default)]
pub struct LineCounter {
    at: usize,
    breaks: usize,
}

impl LineCounter {
    /// The 1-based line of the first character at or after `byte` that is not a line break:
    /// the CSV reader puts a record's start on the LF that ended the one before it.
    pub fn line_of(&mut self, text: &[u8], byte: usize) -> usize {
        let mut byte = byte.min(text.len());
        while byte < text.len() && matches!(text[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte < self.at {
            // Not forward (a caller's mistake): count from the start rather than be wrong.
            *self = Self::default();
        }
        self.breaks += text[self.at..byte].iter().filter(|&&b| b == b'\n').count();
        self.at = byte;
        self.breaks + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    #[test]
    fn every_encoding_and_line_break_reads_as_the_same_text() {
        let want = "date;lat\n26.08.2021;34,5\n";
        for bytes in [
            want.as_bytes().to_vec(),
            [b"\xEF\xBB\xBF".as_slice(), want.as_bytes()].concat(),
            utf16le(want, true),
            utf16le(want, false),
            {
                let mut v = vec![0xFE, 0xFF];
                v.extend(want.encode_utf16().flat_map(u16::to_be_bytes));
                v
            },
            want.replace('\n', "\r").into_bytes(),
        ] {
            assert_eq!(decode("f", &bytes).unwrap(), want, "{bytes:?}");
        }
        let crlf = want.replace('\n', "\r\n");
        assert_eq!(decode("f", crlf.as_bytes()).unwrap(), crlf);
    }

    #[test]
    fn bad_bytes_are_refused_at_their_line() {
        let e = decode("f.csv", b"a,b\n1,2\n\xFF\xFE\xFD,3\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("UTF-8"), "{e}");
        let mut odd = utf16le("a,b\n1,2\n", true);
        odd.push(0x41);
        assert!(decode("f", &odd).unwrap_err().message.contains("middle"));
        let mut lone = utf16le("a,b\n", true);
        lone.extend([0x00, 0xD8, 0x41, 0x00]);
        assert_eq!(decode("f", &lone).unwrap_err().line, Some(2));
    }

    #[test]
    fn lines_count_every_break_once() {
        let text = b"h\r\n1\r\n\"a\r\nb\"\r\n2\r\n";
        let mut c = LineCounter::default();
        assert_eq!(
            c.line_of(text, 1),
            2,
            "the record after the header starts on its LF"
        );
        assert_eq!(c.line_of(text, 5), 3);
        assert_eq!(c.line_of(text, 14), 5, "the quoted break is a line");
        assert_eq!(c.line_of(text, 0), 1, "going back starts over");
    }
}
