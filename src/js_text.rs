//! Bringing a long JavaScript string (a stored plan, a picked file) into Rust.
//!
//! wasm-bindgen's own conversion copies a string's leading ASCII into wasm
//! memory one character at a time in JavaScript: about 7 ms for a plan of a
//! megabyte, measured in Chromium, every time the app starts. The browser's
//! `TextEncoder.encodeInto` writes the same UTF-8 (lone surrogates become
//! U+FFFD either way) straight into the string's buffer, in about 1 ms.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsString, into: &Uint8Array) -> EncodeIntoResult;

    type EncodeIntoResult;

    /// UTF-16 code units of the text taken.
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeIntoResult) -> u32;

    /// Bytes written.
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

/// The string as Rust text.
pub fn from_js(text: &JsString) -> String {
    let encoder = TextEncoder::new();
    // Room for ASCII first: one byte a unit. Other characters take up to
    // three bytes a unit, and the room grows when they come.
    let mut bytes: Vec<u8> = Vec::with_capacity(text.length() as usize);
    let mut rest = text.clone();
    loop {
        let room = bytes.capacity() - bytes.len();
        // SAFETY: the view covers only the vector's unused capacity, and
        // nothing allocates while it is alive (an allocation could grow wasm
        // memory and move it): it is made, written by `encodeInto` and
        // dropped here.
        let (read, written) = unsafe {
            let view = Uint8Array::view_mut_raw(bytes.as_mut_ptr().add(bytes.len()), room);
            let result = encoder.encode_into(&rest, &view);
            (result.read(), result.written() as usize)
        };
        // SAFETY: `encodeInto` wrote exactly `written` bytes, within `room`.
        unsafe { bytes.set_len(bytes.len() + written) };
        let left = rest.length() - read;
        if left == 0 {
            break;
        }
        rest = rest.slice(read, rest.length());
        bytes.reserve(left as usize * 3);
    }
    // `encodeInto` only writes whole UTF-8 characters, so nothing is replaced here.
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}
