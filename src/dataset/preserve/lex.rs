//! The pieces of RON text the format-preserving writer steps over: blanks and
//! comments, strings, and balanced values; and a small tree of where the
//! fields of a struct and the items of a list lie, for the few items a save
//! rewrites.

use std::ops::Range;

/// The position of the next byte that is neither white space nor in a comment.
pub(crate) fn skip_blank(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_whitespace() => i += 1,
            Some(b'/') if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            }
            Some(b'/') if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i),
            _ => return i,
        }
    }
}

/// The position just after the block comment that opens at `start` (RON's nest).
fn skip_block_comment(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The position just after the string that opens at `start`.
pub(crate) fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    loop {
        match memchr::memchr2(b'"', b'\\', &bytes[i.min(bytes.len())..]) {
            None => return bytes.len(),
            Some(n) if bytes[i + n] == b'"' => return i + n + 1,
            Some(n) => i += n + 2,
        }
    }
}

/// The position just after the raw string (`r#"..."#`) that opens at `start`,
/// or just after the `r` when it is not one.
pub(crate) fn skip_raw(bytes: &[u8], start: usize) -> usize {
    let hashes = bytes[start + 1..]
        .iter()
        .take_while(|&&b| b == b'#')
        .count();
    let open = start + 1 + hashes;
    if bytes.get(open) != Some(&b'"') {
        return start + 1;
    }
    let mut i = open + 1;
    while let Some(n) = memchr::memchr(b'"', &bytes[i.min(bytes.len())..]) {
        let close = i + n;
        if bytes[close + 1..]
            .iter()
            .take(hashes)
            .filter(|&&b| b == b'#')
            .count()
            == hashes
        {
            return close + 1 + hashes;
        }
        i = close + 1;
    }
    bytes.len()
}

/// The position just after the character literal that opens at `start`.
fn skip_char(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\'' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of the identifier that starts at `i` (`i` itself when there is none).
pub(crate) fn identifier_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        i += 1;
    }
    i
}

/// The position just after the value that starts at `i`: a string, a
/// bracketed value with its name, or a word or number.
pub(crate) fn skip_value(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        None => i,
        Some(b'"') => skip_string(bytes, i),
        Some(b'\'') => skip_char(bytes, i),
        Some(b'r') if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => skip_raw(bytes, i),
        Some(b'(' | b'[' | b'{') => skip_balanced(bytes, i),
        Some(_) => {
            let mut end = i;
            while bytes.get(end).is_some_and(|b| {
                !b.is_ascii_whitespace() && !matches!(b, b',' | b')' | b']' | b'}' | b'(' | b'/')
            }) {
                end += 1;
            }
            let end = end.max(i + 1);
            let after = skip_blank(bytes, end);
            if bytes.get(after) == Some(&b'(') && bytes[i].is_ascii_alphabetic() {
                skip_balanced(bytes, after)
            } else {
                end
            }
        }
    }
}

/// The position just after the bracket that closes the one at `open`.
pub(crate) fn skip_balanced(bytes: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        // Bytes that cannot open or close anything are passed over in one run.
        while bytes.get(i).is_some_and(|b| !SPECIAL[*b as usize]) {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
                if depth == 0 {
                    return i;
                }
            }
            b'"' => i = skip_string(bytes, i),
            b'\'' => i = skip_char(bytes, i),
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => i = skip_raw(bytes, i),
            b'/' if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => i = skip_blank(bytes, i),
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The bytes [`skip_balanced`] stops at: brackets, quotes, comments and the
/// `r` of a raw string.
const SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    let stops = b"()[]{}\"'/r";
    let mut k = 0;
    while k < stops.len() {
        special[stops[k] as usize] = true;
        k += 1;
    }
    special
};

/// A value in the text, with what is known of its inside.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// Where the value lies.
    pub(crate) span: Range<usize>,
    /// Its shape.
    pub(crate) shape: Shape,
}

/// The shape of a value: a struct with named fields, a list, or anything else.
#[derive(Debug, Clone)]
pub(crate) enum Shape {
    /// `Name(field: value, ...)`, with the position of its closing parenthesis.
    Struct { fields: Vec<Field>, close: usize },
    /// `[item, ...]`, with the position of its closing bracket.
    List { items: Vec<Node>, close: usize },
    /// A string, word, number, tuple or map.
    Atom,
}

/// One `name: value` of a struct.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    /// Where the name lies.
    pub(crate) name: Range<usize>,
    /// The value.
    pub(crate) value: Node,
}

/// Reads the value that starts at `i`, down to `depth` levels of structs and lists.
pub(crate) fn parse_node(bytes: &[u8], i: usize, depth: usize) -> Node {
    let end = skip_value(bytes, i);
    if depth == 0 {
        return Node {
            span: i..end,
            shape: Shape::Atom,
        };
    }
    let shape = match bytes.get(i) {
        Some(b'[') => parse_list(bytes, i, end, depth),
        Some(b'(') => parse_struct(bytes, i, end, depth),
        Some(b) if b.is_ascii_alphabetic() => {
            let open = skip_blank(bytes, identifier_end(bytes, i));
            if bytes.get(open) == Some(&b'(') {
                parse_struct(bytes, open, end, depth)
            } else {
                Shape::Atom
            }
        }
        _ => Shape::Atom,
    };
    Node {
        span: i..end,
        shape,
    }
}

fn parse_list(bytes: &[u8], open: usize, end: usize, depth: usize) -> Shape {
    let close = end.saturating_sub(1);
    let mut items = Vec::new();
    let mut i = skip_blank(bytes, open + 1);
    while i < close {
        let item = parse_node(bytes, i, depth - 1);
        i = skip_blank(bytes, item.span.end);
        items.push(item);
        if bytes.get(i) == Some(&b',') {
            i = skip_blank(bytes, i + 1);
        } else {
            break;
        }
    }
    Shape::List { items, close }
}

/// A struct's fields, or an atom when the parentheses hold no `name:` (a tuple, `Some(x)`).
fn parse_struct(bytes: &[u8], open: usize, end: usize, depth: usize) -> Shape {
    let close = end.saturating_sub(1);
    let mut fields = Vec::new();
    let mut i = skip_blank(bytes, open + 1);
    while i < close {
        let name_end = identifier_end(bytes, i);
        let colon = skip_blank(bytes, name_end);
        if name_end == i || bytes.get(colon) != Some(&b':') {
            return Shape::Atom;
        }
        let name = i..name_end;
        let value = parse_node(bytes, skip_blank(bytes, colon + 1), depth - 1);
        i = skip_blank(bytes, value.span.end);
        fields.push(Field { name, value });
        if bytes.get(i) == Some(&b',') {
            i = skip_blank(bytes, i + 1);
        } else {
            break;
        }
    }
    Shape::Struct { fields, close }
}
