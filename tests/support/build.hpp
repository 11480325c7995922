// SPDX-License-Identifier: MIT
//
// What kind of build the tests run in. Under the sanitizers (CMake's TIMELINE_SANITIZE, -O0) the
// slowest property tests read a sample; the Release run reads everything.
//
//   constexpr std::size_t stride = timeline::testing::sanitized_build ? 8 : 1;
#pragma once

namespace timeline::testing {

#ifdef TIMELINE_SANITIZED
inline constexpr bool sanitized_build = true;
#else
inline constexpr bool sanitized_build = false;
#endif

}  // namespace timeline::testing
