//! A credential's `occupations`: each one a code or a name at least, in a framework, listed
//! once.

use super::Merge;
use crate::catalog::format::{OccupationSpec, Text};
use crate::catalog::model::Occupation;
use crate::catalog::place::Place;
use crate::yaml::Segment::{Index, Key};

impl Merge {
    /// The occupations worth keeping; an empty one is an error, one listed twice a warning.
    pub(super) fn check_occupations(
        &mut self,
        specs: Vec<OccupationSpec>,
        place: &Place,
    ) -> Vec<Occupation> {
        let mut kept: Vec<Occupation> = Vec::with_capacity(specs.len());
        for (n, spec) in specs.into_iter().enumerate() {
            let at = place.at(&[Key("occupations"), Index(n)]);
            let filled = |text: Option<Text>| {
                text.map(|text| text.0.trim().to_owned())
                    .filter(|text| !text.is_empty())
            };
            let occupation = Occupation {
                code: filled(spec.code),
                framework: filled(spec.framework),
                name: filled(spec.name),
            };
            if occupation.code.is_none() && occupation.name.is_none() {
                self.error(
                    at,
                    "this occupation has neither a `code` nor a `name`: give its code in the framework (like `code: \"15-1244.00\", framework: O*NET-SOC`), its name, or both".into(),
                );
            } else if kept.contains(&occupation) {
                self.warning(
                    at,
                    "this occupation is listed twice in `occupations`: list each one once".into(),
                );
            } else {
                kept.push(occupation);
            }
        }
        kept
    }
}
