//===--- FrameEnds.cpp - async-lint ---------------------------------------===//

#include "FrameEnds.h"
#include "NameMatcher.h"

namespace clang::tidy::async::model {

bool destroysFrame(const CXXMethodDecl &Method) {
  // The language's own handle (not library knowledge: every coroutine
  // library's frames end there).
  if (!Method.getIdentifier() || Method.getName() != "destroy")
    return false;
  std::string Name = canonicalName(Method);
  return Name == "::std::coroutine_handle::destroy" ||
         Name == "::std::experimental::coroutine_handle::destroy";
}

} // namespace clang::tidy::async::model
