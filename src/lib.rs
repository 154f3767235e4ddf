//! LureLens
