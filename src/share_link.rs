//! Share links: the plan compressed by the browser's own `CompressionStream`
//! and carried in the URL fragment, which is never sent to a server.

use crate::domain::format::{to_storage_text, PlanFileError, MAX_PLAN_FILE_BYTES};
use crate::domain::plan::Plan;
use crate::domain::reader::{Origin, PlanReader, ReadPlan};
use crate::domain::share::{
    decode_base64url, encode_base64url, MAX_SHARE_LINK_CHARS, SHARE_FRAGMENT_PREFIX,
};
use crate::slices::next_task;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStreamDefaultReader, ReadableWritablePair};

#[wasm_bindgen]
extern "C" {
    /// The browser's deflate compressor (Compression Streams standard).
    type CompressionStream;

    #[wasm_bindgen(catch, constructor)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    /// Its counterpart for unpacking.
    type DecompressionStream;

    #[wasm_bindgen(catch, constructor)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Why a share link could not be made or opened.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareLinkError {
    /// The browser has no CompressionStream.
    Unsupported,
    /// The link ends where its plan should begin.
    Empty,
    /// The link would be longer than common limits; share a file instead.
    TooLong { chars: usize },
    /// The fragment is not a share link's text (cut off, or mistyped).
    Damaged,
    /// It unpacked, but not into a plan this build can open.
    NotAPlan(PlanFileError),
}

impl ShareLinkError {
    /// More on what went wrong, for the curious (where in the plan's text).
    pub fn detail(&self) -> Option<String> {
        match self {
            Self::NotAPlan(problem) => problem.explain(Origin::Link).detail,
            _ => None,
        }
    }
}

impl std::fmt::Display for ShareLinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unsupported => write!(
                f,
                "This browser can't compress or unpack share links. Share the plan as a file instead."
            ),
            Self::TooLong { chars } => write!(
                f,
                "The link would be {chars} characters long, more than many mail and chat apps \
                 pass on intact ({MAX_SHARE_LINK_CHARS} at most). Share the plan as a file instead."
            ),
            Self::Empty => write!(
                f,
                "This link carries no plan: the part after “#/shared/” is missing. Ask for the \
                 whole link, or for the plan as a file."
            ),
            Self::Damaged => write!(
                f,
                "This link does not hold a readable plan. It may have been cut off when it was \
                 copied; ask for the whole link, or for the plan as a file."
            ),
            Self::NotAPlan(problem) => f.write_str(&problem.explain(Origin::Link).message),
        }
    }
}

/// The full address of a link that opens `plan` read-only in Waypoint.
pub async fn make_share_link(plan: &Plan) -> Result<String, ShareLinkError> {
    let compressed = run_codec(to_storage_text(plan).as_bytes(), true).await?;
    let location = web_sys::window()
        .ok_or(ShareLinkError::Unsupported)?
        .location();
    let href = location.href().map_err(|_| ShareLinkError::Unsupported)?;
    let base = href.split('#').next().unwrap_or_default();
    let link = format!(
        "{base}{SHARE_FRAGMENT_PREFIX}{}",
        encode_base64url(&compressed)
    );
    let chars = link.chars().count();
    if chars > MAX_SHARE_LINK_CHARS {
        return Err(ShareLinkError::TooLong { chars });
    }
    Ok(link)
}

/// Goals read per task: about 10 ms of work in the browser.
const GOALS_READ_PER_TASK: usize = 2_000;

/// The plan carried by a fragment's payload (the text after the prefix),
/// read by the one careful reader a slice of goals at a time, with any
/// repairs it needed.
pub async fn open_share_link(payload: &str) -> Result<ReadPlan, ShareLinkError> {
    if payload.is_empty() {
        return Err(ShareLinkError::Empty);
    }
    // A real link is far shorter; don't even decode something absurd.
    if payload.len() > MAX_PLAN_FILE_BYTES {
        return Err(ShareLinkError::Damaged);
    }
    let compressed = decode_base64url(payload).ok_or(ShareLinkError::Damaged)?;
    let bytes = run_codec(&compressed, false).await?;
    let mut reader = PlanReader::from_bytes(bytes).map_err(ShareLinkError::NotAPlan)?;
    while !reader.read_some(GOALS_READ_PER_TASK) {
        next_task().await;
    }
    next_task().await;
    reader.finish().map_err(ShareLinkError::NotAPlan)
}

/// Compresses or unpacks with deflate-raw. Unpacking stops past the largest
/// plan file, so a crafted link can't fill memory.
async fn run_codec(bytes: &[u8], compress: bool) -> Result<Vec<u8>, ShareLinkError> {
    let codec: JsValue = if compress {
        CompressionStream::new("deflate-raw").map(JsValue::from)
    } else {
        DecompressionStream::new("deflate-raw").map(JsValue::from)
    }
    .map_err(|_| ShareLinkError::Unsupported)?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| ShareLinkError::Unsupported)?;
    // Either stream is a readable/writable pair.
    let output = blob
        .stream()
        .pipe_through(codec.unchecked_ref::<ReadableWritablePair>());
    let reader: ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut result = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| ShareLinkError::Damaged)?;
        let done = Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = Reflect::get(&chunk, &"value".into()).map_err(|_| ShareLinkError::Damaged)?;
        result.extend(Uint8Array::new(&value).to_vec());
        if result.len() > MAX_PLAN_FILE_BYTES {
            let _ = reader.cancel();
            return Err(ShareLinkError::NotAPlan(PlanFileError::TooLarge {
                bytes: result.len(),
            }));
        }
    }
    Ok(result)
}
