//! Bytes into text: UTF-8 with or without a byte order mark, UTF-16 with one,
//! and Windows-1252 when the bytes are not UTF-8, saying which was used.

use std::borrow::Cow;

/// A file's text and, when it was not plain UTF-8, how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, without a byte order mark.
    pub text: Cow<'a, str>,
    /// "UTF-16LE", "Windows-1252 (the bytes are not UTF-8)"; none for UTF-8.
    pub encoding: Option<String>,
}

/// Decodes `bytes` by their byte order mark, as UTF-8, or else as Windows-1252.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Decoded {
            text: String::from_utf8_lossy(rest),
            encoding: None,
        };
    }
    for (bom, encoding, label) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, "UTF-16LE"),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, "UTF-16BE"),
    ] {
        if bytes.starts_with(bom) {
            let (text, _) = encoding.decode_with_bom_removal(bytes);
            return Decoded {
                text,
                encoding: Some(label.to_string()),
            };
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: None,
        },
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Decoded {
                text,
                encoding: Some("Windows-1252 (the bytes are not UTF-8)".to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_and_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFdate").text, "date");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é,x".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let decoded = decode(&le);
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding.as_deref()),
            ("é,x", Some("UTF-16LE"))
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("é".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).text, "é");
        let cp1252 = decode(b"Caf\xe9 \x80");
        assert_eq!(cp1252.text, "Café €");
        assert!(cp1252.encoding.is_some_and(|e| e.contains("1252")));
    }
}
