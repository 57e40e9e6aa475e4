//! The text of a share link: a compressed plan carried in the URL fragment,
//! which browsers never send to a server.
//!
//! The compression itself is the browser's (`CompressionStream`); this module
//! turns its bytes into URL-safe text and back, and says when a link would be
//! too long to pass around.

/// Fragment prefix of a shared plan: `#/shared/<base64url of deflate-raw JSON>`.
pub const SHARE_FRAGMENT_PREFIX: &str = "#/shared/";

/// Longer links get cut off or refused by some mail programs, chat apps and
/// link shorteners; past this a file is the better way to share.
pub const MAX_SHARE_LINK_CHARS: usize = 8_000;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn encode_base64url(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let word = chunk.iter().enumerate().fold(0u32, |word, (index, byte)| {
            word | u32::from(*byte) << (16 - 8 * index)
        });
        for position in 0..=chunk.len() {
            let sextet = (word >> (18 - 6 * position)) & 0x3f;
            text.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    text
}

/// The bytes of base64url text (padding optional), or `None` if it isn't.
pub fn decode_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let mut chunks = text.as_bytes().chunks_exact(4);
    // Whole groups of four characters, three bytes each, then what is left.
    for chunk in &mut chunks {
        let word = chunk.iter().try_fold(0u32, |word, &character| {
            Some(word << 6 | sextet_of(character)?)
        })?;
        bytes.extend_from_slice(&word.to_be_bytes()[1..]);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = 0u32;
        for (index, character) in rest.iter().enumerate() {
            word |= sextet_of(*character)? << (18 - 6 * index);
        }
        for index in 0..rest.len() - 1 {
            bytes.push((word >> (16 - 8 * index)) as u8);
        }
    }
    Some(bytes)
}

/// The six bits each byte stands for as a character of [`ALPHABET`], or
/// `NOT_IN_ALPHABET`: looked up, since a link can carry half a million.
const SEXTETS: [u8; 256] = {
    let mut sextets = [NOT_IN_ALPHABET; 256];
    let mut place = 0;
    while place < ALPHABET.len() {
        sextets[ALPHABET[place] as usize] = place as u8;
        place += 1;
    }
    sextets
};
const NOT_IN_ALPHABET: u8 = u8::MAX;

fn sextet_of(character: u8) -> Option<u32> {
    let sextet = SEXTETS[usize::from(character)];
    (sextet != NOT_IN_ALPHABET).then_some(u32::from(sextet))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors_match_rfc_4648() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xfe], "-__-"),
        ] {
            assert_eq!(encode_base64url(bytes), text);
            assert_eq!(decode_base64url(text).as_deref(), Some(bytes));
        }
    }

    #[test]
    fn each_character_stands_for_its_place_in_the_alphabet_and_no_other_for_any() {
        for byte in 0..=u8::MAX {
            let place = ALPHABET.iter().position(|&known| known == byte);
            assert_eq!(sextet_of(byte), place.map(|place| place as u32), "{byte}");
        }
    }

    #[test]
    fn every_byte_value_round_trips() {
        let bytes: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for length in 0..bytes.len() {
            let text = encode_base64url(&bytes[..length]);
            assert!(text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_eq!(decode_base64url(&text).unwrap(), &bytes[..length]);
        }
    }

    #[test]
    fn text_that_is_not_base64url_is_refused() {
        assert_eq!(decode_base64url("Zm9v+"), None);
        assert_eq!(decode_base64url("Z"), None);
        assert_eq!(decode_base64url("a b"), None);
        assert_eq!(decode_base64url("Zm9vYg=="), Some(b"foob".to_vec()));
    }
}
