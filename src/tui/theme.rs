//! Colours.

use serde::{Deserialize, Serialize};

/// The `[theme]` section of the config.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeConfig {}
