//! A small JSON reader and writer for Stagefit's own saved formats.
//!
//! It replaces `serde_json`, which cost about 40 KB of wasm for the few flat objects Stagefit
//! stores. It reads any RFC 8259 JSON text (nesting at most `MAX_DEPTH` deep) into a `Value`
//! and never panics; numbers are read as `f64`, which holds every integer Stagefit writes
//! (versions, answer indexes, millisecond timestamps) exactly. Native tests check it against
//! `serde_json` on generated documents.

/// Deeper nesting than any Stagefit file has; deeper input is refused rather than recursed into.
const MAX_DEPTH: usize = 64;

/// A JSON value. Objects keep their members in order; a repeated key reads as its last value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Value>),
    Obj(Vec<(String, Value)>),
}

impl Value {
    /// A member of an object (the last one with this key), or `None`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole number from 0 up to `max`.
    pub fn as_whole(&self, max: u32) -> Option<u32> {
        let n = self.as_f64()?;
        (n >= 0.0 && n <= f64::from(max) && n.fract() == 0.0).then_some(n as u32)
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Obj(members) => Some(members),
            _ => None,
        }
    }

    /// An object from `(key, value)` pairs.
    pub fn object(members: Vec<(&str, Value)>) -> Value {
        Value::Obj(
            members
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    pub fn str(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}

/// Reads JSON text; `None` if it is not exactly one well-formed JSON value.
pub fn parse(text: &str) -> Option<Value> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.space();
    (reader.at == reader.bytes.len()).then_some(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn word(&mut self, word: &[u8], value: Value) -> Option<Value> {
        let found = self.bytes.get(self.at..self.at + word.len()) == Some(word);
        self.at += word.len();
        found.then_some(value)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'"' => self.string().map(Value::Str),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Arr(items))
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        members.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Obj(members))
            }
            _ => self.number().map(Value::Num),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, read to the nearest f64 for
    /// up to 19 significant digits (exactly, for whole numbers below 2^53).
    fn number(&mut self) -> Option<f64> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        let int_len = self.digits();
        if int_len == 0 || (int_len > 1 && self.bytes[int_start] == b'0') {
            return None;
        }
        let mut frac_len = 0;
        if self.peek() == Some(b'.') {
            self.at += 1;
            frac_len = self.digits();
            if frac_len == 0 {
                return None;
            }
        }
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    -1
                }
                Some(b'+') => {
                    self.at += 1;
                    1
                }
                _ => 1,
            };
            let exp_start = self.at;
            if self.digits() == 0 {
                return None;
            }
            for &d in &self.bytes[exp_start..self.at] {
                exponent = (exponent * 10 + i64::from(d - b'0')).min(100_000);
            }
            exponent *= sign;
        }
        // Up to 19 significant digits, integer and fraction, as one whole number and a power
        // of ten; further integer digits only scale it, further fraction digits are dropped.
        let frac_start = int_start + int_len + 1;
        let mut mantissa: u64 = 0;
        let mut kept = 0;
        for &d in &self.bytes[int_start..int_start + int_len] {
            if kept < 19 {
                kept += usize::from(mantissa != 0 || d != b'0');
                mantissa = mantissa * 10 + u64::from(d - b'0');
            } else {
                exponent += 1;
            }
        }
        for &d in &self.bytes[frac_start.min(self.at)..(frac_start + frac_len).min(self.at)] {
            if kept < 19 {
                kept += usize::from(mantissa != 0 || d != b'0');
                mantissa = mantissa * 10 + u64::from(d - b'0');
                exponent -= 1;
            }
        }
        let magnitude = scale(mantissa as f64, exponent);
        // Like other readers, refuse a number too large for f64 rather than read it as infinity.
        magnitude
            .is_finite()
            .then_some(if negative { -magnitude } else { magnitude })
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = char::from(self.next()?).to_digit(16)?;
            n = n * 16 + d;
        }
        Some(n)
    }

    fn string(&mut self) -> Option<String> {
        if self.next()? != b'"' {
            return None;
        }
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes, so this is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match self.next()? {
                b'"' => return Some(out),
                b'\\' => {
                    let c = match self.next()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if self.next()? != b'\\' || self.next()? != b'u' {
                                    return None;
                                }
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return None;
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    out.push(c);
                }
                _ => return None,
            }
        }
    }
}

/// `mantissa × 10^exponent`, dividing for negative powers (so 1764150000000.0 stays exact).
fn scale(mantissa: f64, exponent: i64) -> f64 {
    if mantissa == 0.0 {
        return 0.0;
    }
    let power = |e: i64| -> f64 {
        let mut p = 1.0_f64;
        for _ in 0..e.min(400) {
            p *= 10.0;
        }
        p
    };
    if exponent >= 0 {
        mantissa * power(exponent)
    } else if exponent >= -300 {
        mantissa / power(-exponent)
    } else {
        mantissa / power(300) / power(-exponent - 300)
    }
}

/// Writes a value as JSON: compact, or indented by two spaces for files people may open.
pub fn write(value: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write_into(&mut out, value, pretty, 0);
    out
}

fn newline(out: &mut String, pretty: bool, depth: usize) {
    if pretty {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

fn write_into(out: &mut String, value: &Value, pretty: bool, depth: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Num(n) => write_number(out, *n),
        Value::Str(s) => write_string(out, s),
        Value::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, pretty, depth + 1);
                write_into(out, item, pretty, depth + 1);
            }
            if !items.is_empty() {
                newline(out, pretty, depth);
            }
            out.push(']');
        }
        Value::Obj(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, pretty, depth + 1);
                write_string(out, key);
                out.push(':');
                if pretty {
                    out.push(' ');
                }
                write_into(out, item, pretty, depth + 1);
            }
            if !members.is_empty() {
                newline(out, pretty, depth);
            }
            out.push('}');
        }
    }
}

/// Stagefit only writes whole numbers (versions, indexes, milliseconds); anything else is
/// rounded to the nearest whole number, and what is not a finite number is written as null.
fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() || n.abs() >= 9.007_199_254_740_992e15 {
        out.push_str("null");
        return;
    }
    let whole = n.round() as i64;
    out.push_str(&whole.to_string());
}

fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
