//! Keybindings: one table maps keys to actions; help is generated from it.

use serde::{Deserialize, Serialize};

/// The `[keys]` section of the config.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeysConfig {}
