//! Importers of other standards' data: the Credential Registry's CTDL into catalog files, and
//! a learner's badge wallet (Open Badges, CLR) into what they hold.

pub mod ctdl;
pub mod json;
pub mod wallet;

/// One input file: the name warnings give, and its text.
pub struct Input {
    pub name: String,
    pub text: String,
}
