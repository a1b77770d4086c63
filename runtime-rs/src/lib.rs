//! The rog runtime: what Go code compiled by rog calls. See ABI.md for the contract with the
//! compiler and README.md for the design.
