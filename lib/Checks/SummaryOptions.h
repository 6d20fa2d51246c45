//===--- SummaryOptions.h - async-lint --------------------------*- C++ -*-===//
//
// The options that make a check write summaries (SummaryOutput) or read
// them (SummaryDirectory), shared by the checks that have summaries. Each is
// read local first, then global: the driver sets them for every check.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_CHECKS_SUMMARYOPTIONS_H
#define ASYNC_LINT_CHECKS_SUMMARYOPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

inline constexpr llvm::StringLiteral SummaryOutputOpt = "SummaryOutput";
inline constexpr llvm::StringLiteral SummaryDirectoryOpt = "SummaryDirectory";

/// The option \p Opt of the check \p CheckName, read as
/// OptionsView::getLocalOrGlobal does, before the check is constructed.
inline std::string optionBeforeCheck(StringRef CheckName,
                                     ClangTidyContext *Context, StringRef Opt) {
  const ClangTidyOptions::OptionMap &Map = Context->getOptions().CheckOptions;
  auto It = Map.find((CheckName + "." + Opt).str());
  if (It == Map.end())
    It = Map.find(Opt);
  return It == Map.end() ? std::string() : It->getValue().Value;
}

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_SUMMARYOPTIONS_H
