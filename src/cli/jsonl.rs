//! One JSON value written on one line, byte for byte as `serde_json::to_writer` writes
//! it, but faster for the stories `export --format jsonl` writes: a string with nothing
//! to escape (nearly every paragraph) is copied whole after a scan eight bytes at a
//! time, where serde_json looks up every byte.
//!
//! Decides nothing about what is written, only how: structs, maps, sequences, strings,
//! booleans, integers and `None` are written here; any string with a character to
//! escape, and every number, goes to serde_json itself; a value of any other kind
//! (floats, enums carrying data) makes the whole value go to serde_json.

use serde::Serialize;
use serde::ser::{self, Impossible};

/// Appends `value` to `out` as compact JSON, exactly as `serde_json::to_writer` would.
pub fn write<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let start = out.len();
    if value.serialize(Writer { out: &mut *out }).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    serde_json::to_writer(out, value)
}

/// The error that hands a value back to serde_json.
fn unsupported() -> serde_json::Error {
    ser::Error::custom("left to serde_json")
}

/// Whether serde_json escapes nothing in `bytes`: no `"`, `\` or control character
/// below space. Read 32 bytes at a time, every byte of a block tested without stopping
/// (which the compiler turns into a few vector instructions).
fn nothing_to_escape(bytes: &[u8]) -> bool {
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | escaped(b)) {
            return false;
        }
    }
    // The last bytes, copied into a block of spaces (which need no escape), are read
    // the same way: most strings written (names, titles, cues) are shorter than one
    // block, and a loop stopping at each byte costs more than the whole block.
    let rest = blocks.remainder();
    let mut last = [b' '; 32];
    last[..rest.len()].copy_from_slice(rest);
    !last.iter().fold(false, |any, &b| any | escaped(b))
}

/// The serializer: appends to `out`.
struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

impl Writer<'_> {
    fn string(&mut self, v: &str) -> serde_json::Result<()> {
        if nothing_to_escape(v.as_bytes()) {
            self.out.reserve(v.len() + 2);
            self.out.push(b'"');
            self.out.extend_from_slice(v.as_bytes());
            self.out.push(b'"');
            Ok(())
        } else {
            serde_json::to_writer(&mut *self.out, v)
        }
    }

    fn number<T: Serialize>(&mut self, v: T) -> serde_json::Result<()> {
        serde_json::to_writer(&mut *self.out, &v)
    }
}

/// A struct, map or sequence being written: whether an element was written yet.
struct Compound<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }
}

impl<'o> ser::Serializer for Writer<'o> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Compound<'o>;
    type SerializeTuple = Compound<'o>;
    type SerializeTupleStruct = Compound<'o>;
    type SerializeTupleVariant = Impossible<(), serde_json::Error>;
    type SerializeMap = Compound<'o>;
    type SerializeStruct = Compound<'o>;
    type SerializeStructVariant = Impossible<(), serde_json::Error>;

    fn serialize_bool(self, v: bool) -> serde_json::Result<()> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(mut self, v: i8) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_i16(mut self, v: i16) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_i32(mut self, v: i32) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_i64(mut self, v: i64) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_u8(mut self, v: u8) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_u16(mut self, v: u16) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_u32(mut self, v: u32) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_u64(mut self, v: u64) -> serde_json::Result<()> {
        self.number(v)
    }
    fn serialize_f32(self, _: f32) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_f64(self, _: f64) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_char(mut self, v: char) -> serde_json::Result<()> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(mut self, v: &str) -> serde_json::Result<()> {
        self.string(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_none(self) -> serde_json::Result<()> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> serde_json::Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> serde_json::Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> serde_json::Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        mut self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> serde_json::Result<()> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> serde_json::Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_seq(self, _: Option<usize>) -> serde_json::Result<Compound<'o>> {
        self.out.push(b'[');
        Ok(Compound {
            out: self.out,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> serde_json::Result<Compound<'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> serde_json::Result<Compound<'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeTupleVariant> {
        Err(unsupported())
    }
    fn serialize_map(self, _: Option<usize>) -> serde_json::Result<Compound<'o>> {
        self.out.push(b'{');
        Ok(Compound {
            out: self.out,
            first: true,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> serde_json::Result<Compound<'o>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeStructVariant> {
        Err(unsupported())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> serde_json::Result<()> {
        self.comma();
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> serde_json::Result<()> {
        self.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> serde_json::Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> serde_json::Result<()> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> serde_json::Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> serde_json::Result<()> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> serde_json::Result<()> {
        self.comma();
        key.serialize(Key { out: self.out })
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> serde_json::Result<()> {
        self.out.push(b':');
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> serde_json::Result<()> {
        self.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> serde_json::Result<()> {
        self.comma();
        Writer { out: self.out }.string(key)?;
        self.out.push(b':');
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> serde_json::Result<()> {
        self.out.push(b'}');
        Ok(())
    }
}

/// A map's key: written only when it is a string (serde_json quotes numbers and
/// booleans too; such a map goes to serde_json whole).
struct Key<'o> {
    out: &'o mut Vec<u8>,
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<(), serde_json::Error>;
    type SerializeTuple = Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = Impossible<(), serde_json::Error>;
    type SerializeMap = Impossible<(), serde_json::Error>;
    type SerializeStruct = Impossible<(), serde_json::Error>;
    type SerializeStructVariant = Impossible<(), serde_json::Error>;

    fn serialize_str(self, v: &str) -> serde_json::Result<()> {
        Writer { out: self.out }.string(v)
    }
    fn serialize_bool(self, _: bool) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_i8(self, _: i8) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_i16(self, _: i16) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_i32(self, _: i32) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_i64(self, _: i64) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_u8(self, _: u8) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_u16(self, _: u16) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_u32(self, _: u32) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_u64(self, _: u64) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_f32(self, _: f32) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_f64(self, _: f64) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_char(self, _: char) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_bytes(self, _: &[u8]) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_none(self) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_unit(self) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_unit_struct(self, _: &'static str) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_seq(self, _: Option<usize>) -> serde_json::Result<Self::SerializeSeq> {
        Err(unsupported())
    }
    fn serialize_tuple(self, _: usize) -> serde_json::Result<Self::SerializeTuple> {
        Err(unsupported())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeTupleStruct> {
        Err(unsupported())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeTupleVariant> {
        Err(unsupported())
    }
    fn serialize_map(self, _: Option<usize>) -> serde_json::Result<Self::SerializeMap> {
        Err(unsupported())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeStruct> {
        Err(unsupported())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeStructVariant> {
        Err(unsupported())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn both<T: Serialize + ?Sized>(value: &T) {
        let mut fast = b"kept ".to_vec();
        write(value, &mut fast).expect("written");
        let mut want = b"kept ".to_vec();
        serde_json::to_writer(&mut want, value).expect("written");
        assert_eq!(
            String::from_utf8_lossy(&fast),
            String::from_utf8_lossy(&want)
        );
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        for s in [
            "",
            "plain words of a paragraph",
            "“Curly” quotes, an em dash — and café",
            "a \"straight\" quote",
            "back\\slash",
            "tab\there, line\nbreak, \r \u{8} \u{c} \u{1} \u{1f} \u{7f} end",
            "exactly8",
            "sixteen bytes!!!",
            "\"",
            "1234567\\",
        ] {
            both(s);
            both(&vec![s, s]);
            both(&Some(s));
            let mut map = BTreeMap::new();
            map.insert(s, s);
            both(&map);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Marks, controls and characters beyond ASCII anywhere in a string.
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(
            s in r#"[\x00-\x21"\\a-z\x7f-\u{a0}é“]{0,40}"#
        ) {
            let mut fast = Vec::new();
            write(&s, &mut fast).expect("written");
            proptest::prop_assert_eq!(fast, serde_json::to_vec(&s).expect("written"));
        }
    }

    #[derive(Serialize)]
    struct Inner {
        n: usize,
        neg: i64,
        flag: bool,
        none: Option<String>,
        some: Option<&'static str>,
        list: Vec<u32>,
        empty: Vec<String>,
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Carrying(u8),
    }

    #[derive(Serialize)]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        kind: Kind,
        pair: (u8, char),
        unit: (),
    }

    #[test]
    fn structures_are_written_as_serde_json_writes_them() {
        let inner = || Inner {
            n: 42,
            neg: -7,
            flag: true,
            none: None,
            some: Some("x"),
            list: vec![0, 1, u32::MAX],
            empty: Vec::new(),
        };
        both(&inner());
        both(&Outer {
            inner: inner(),
            skipped: None,
            kind: Kind::Plain,
            pair: (3, '"'),
            unit: (),
        });
        // Kinds written by serde_json alone: the same bytes all the same.
        both(&Outer {
            inner: inner(),
            skipped: Some(1),
            kind: Kind::Carrying(2),
            pair: (3, 'é'),
            unit: (),
        });
        both(&vec![1.5f64, -0.0, 1e300]);
        let mut numbers = BTreeMap::new();
        numbers.insert(1u8, "one");
        both(&numbers);
    }

    #[test]
    fn the_samples_stories_are_written_as_serde_json_writes_them() {
        let corpus = crate::samples::load_samples();
        assert!(!corpus.stories.is_empty());
        for story in &corpus.stories {
            both(story);
        }
        both(&corpus);
    }
}
