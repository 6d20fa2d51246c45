//===--- SkippedBodies.cpp - async-lint -----------------------------------===//

#include "SkippedBodies.h"

namespace clang::tidy::async::model {

namespace {

bool anySkipped(const FunctionDecl &FD) {
  for (const FunctionDecl *D : FD.redecls())
    if (D->hasSkippedBody())
      return true;
  return false;
}

} // namespace

bool bodySkipped(const FunctionDecl &FD) {
  if (anySkipped(FD))
    return true;
  const FunctionDecl *Pattern = FD.getTemplateInstantiationPattern();
  return Pattern && Pattern != &FD && anySkipped(*Pattern);
}

bool definedElsewhere(const FunctionDecl &FD) {
  return !FD.hasBody() && !bodySkipped(FD);
}

} // namespace clang::tidy::async::model
