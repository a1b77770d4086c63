package p

// Import paths: the spec's restrictions, in gc's words.

import ""       // ERROR "invalid import path \(empty string\)"
import "a b"    // ERROR "invalid import path \(invalid character U\+0020 ' '\)"
import "\x00"   // ERROR "invalid import path \(invalid character U\+0000\)$"
import "a!"     // ERROR "invalid import path \(invalid character U\+0021 '!'\)"
import "\x80"   // ERROR "invalid import path \(invalid character U\+FFFD '\uFFFD'\)"
import `a\b`    // ERROR "invalid import path \(invalid character U\+005C '\\'\)"
import "/abs"   // ERROR "could not import /abs \(import path cannot be absolute path\)"
import "c:/foo" // ERROR "invalid import path \(invalid character U\+003A ':'\)"
