//! The real feed source: http(s) URLs over the network, other strings as file paths.
