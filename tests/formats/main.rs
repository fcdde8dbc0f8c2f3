//! Loading each article format (text, Markdown, saved pages, MHTML, e-mail, mbox, feeds,
//! EPUB, newsboat's cache), text hygiene on the way in, and malformed or hostile input. One
//! test binary; each file is a module.

mod formats_support;
#[path = "../support/library.rs"]
mod support;

mod email;
mod epub;
mod feeds;
mod html_charset;
mod html_extract;
mod html_hostile;
mod html_meta;
mod hygiene;
mod loader_props;
mod loaders;
mod malformed;
mod mbox;
mod mbox_large;
mod mhtml;
mod newsboat;
