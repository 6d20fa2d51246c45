//===--- DanglingReferenceCheck.cpp - async-lint --------------------------===//
//
// async-dangling-reference: its options, and which of the model's rules it
// asks of each function (the rules are listed in DanglingReferenceCheck.h).
//
//===----------------------------------------------------------------------===//

#include "DanglingReferenceCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "LifetimeNotes.h"

namespace clang::tidy::async {

const model::ListOption<DanglingReferenceCheck>
    DanglingReferenceCheck::Lists[] = {
        {"ViewTypes", model::DefaultViewTypes,
         &DanglingReferenceCheck::ViewTypes},
        {"OwnerFunctions", model::DefaultOwnerFunctions,
         &DanglingReferenceCheck::OwnerFunctions},
        {"FunctionWrappers", model::DefaultFunctionWrappers,
         &DanglingReferenceCheck::FunctionWrappers},
};

const model::FlagOption<DanglingReferenceCheck>
    DanglingReferenceCheck::Flags[] = {
        {"ReferenceWrappers", true, &DanglingReferenceCheck::ReferenceWrappers},
        {"StrictParameters", false, &DanglingReferenceCheck::StrictParameters},
        {"StrictDetachedThis", false,
         &DanglingReferenceCheck::StrictDetachedThis},
        {"OpaqueAwaitResults", false,
         &DanglingReferenceCheck::OpaqueAwaitResults},
        {"DeclaredEagerTemporaries", false,
         &DanglingReferenceCheck::DeclaredEagerTemporaries},
};

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions) {
  model::readListOptions<DanglingReferenceCheck>(
      *this, Lists,
      [&](StringRef N, StringRef D) { return Options.get(N, D); });
  model::readFlagOptions<DanglingReferenceCheck>(
      *this, Flags, [&](StringRef N, bool D) { return Options.get(N, D); });
}

void DanglingReferenceCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  auto Store = [&](StringRef N, auto V) { Options.store(Opts, N, V); };
  model::storeListOptions<DanglingReferenceCheck>(*this, Lists, Store);
  model::storeFlagOptions<DanglingReferenceCheck>(*this, Flags, Store);
}

void DanglingReferenceCheck::startTranslationUnit() {
  LateUses.clear();
  Modifications.clear();
  Declared.clear();
  Detached.clear();
}

model::LibraryAnalyses DanglingReferenceCheck::analyses() {
  // The id UnitFacts was given for this check's lists: asking the session
  // again would build the configuration's text on every call.
  return {Facts.session(), Facts.libraryId(), Lib};
}

model::CallLifetimeRules DanglingReferenceCheck::callRules() {
  return {ViewTypes,
          FunctionWrappers,
          ReferenceWrappers,
          StrictDetachedThis,
          DeclaredEagerTemporaries,
          LateUses,
          Detached,
          analyses()};
}

void DanglingReferenceCheck::report(const model::LifetimeFindings &Found) {
  for (const model::LifetimeEvidence &E : Found)
    if (!E.Once || reportOnce(E.at()))
      reportEvidence(*this, E);
}

void DanglingReferenceCheck::checkFunction(CheckedFunction &F) {
  model::CallLifetimeRules Rules = callRules();
  auto Flow = [&]() -> const model::TaskFlow & { return F.flow(); };
  model::CallerOf Caller{F.Body, Flow};
  F.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    const FunctionDecl *Callee = model::calledDefinition(*Call);
    if (!Callee) {
      if (const FunctionDecl *Coro = Declared.calledBy(*Call, Lib))
        report(model::coroutineCallLifetimes(*Call, *Coro, Caller, Rules));
      return;
    }
    if (Callee->isDependentContext())
      return;
    if (!model::getCoroutineBody(*Callee))
      return report(model::wrapperCallLifetimes(*Call, *Callee, Caller, Rules));
    report(model::coroutineCallLifetimes(*Call, *Callee, Caller, Rules));
  });
  report(model::detachingCallLifetimes(
      F.Body, F.flow(), F.Ctx.getSourceManager(), &F.own(), Rules));
  if (!F.isCoroutine())
    return;
  report(model::holdLifetimes(F.Decl, F.Body, F.Ctx,
                              {ViewTypes, ReferenceWrappers, OpaqueAwaitResults,
                               StrictParameters, Modifications, Detached,
                               analyses()}));
}

} // namespace clang::tidy::async
