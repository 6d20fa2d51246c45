//===--- PlacedNotes.h - async-lint -----------------------------*- C++ -*-===//
//
// A finding or a note with its whole text, made in the model for a check to
// show as it is: the text of notes whose place and words come from the
// model (a summary's steps, a call path) is composed where the facts are.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_PLACEDNOTES_H
#define ASYNC_LINT_MODEL_PLACEDNOTES_H

#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// A note: its place and its whole text.
struct PlacedNote {
  SourceLocation Loc;
  std::string Text;
};

/// A warning: its place, the range it underlines, its whole text (without
/// the check's name) and its notes.
struct Finding {
  SourceLocation Loc;
  SourceRange Range;
  std::string Message;
  std::vector<PlacedNote> Notes;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_PLACEDNOTES_H
