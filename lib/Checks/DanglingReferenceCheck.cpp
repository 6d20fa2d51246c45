//===--- DanglingReferenceCheck.cpp - async-lint --------------------------===//
//
// async-dangling-reference: its options, and which of the model's rules it
// asks of each function (the rules are listed in DanglingReferenceCheck.h).
//
//===----------------------------------------------------------------------===//

#include "DanglingReferenceCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DroppedHandlers.h"
#include "LifetimeNotes.h"
#include "SummaryOptions.h"

namespace clang::tidy::async {

namespace {

// The wording of each warning, in the order of model::Said from ParamTemporary
// on.
constexpr llvm::StringLiteral Warnings[] = {
    "parameter %0 of %1 refers to a temporary that the task outlives",
    "parameter %0 of %1 refers to local %2, which the task may outlive",
    "%0 is called on a temporary that the task outlives",
    "%0 is called on local %1, which the task may outlive",
    "%0 runs detached on '*this', and nothing keeps the object alive",
    "%0 runs detached on an object owned by local %1, which the task may "
    "outlive",
    "%0 runs detached on an object owned by a temporary that the task "
    "outlives",
    "parameter %0 of %1 refers to a temporary that its task outlives",
    "parameter %0 of %1 refers to local %2, which its task may outlive",
    "%0 is called on a temporary that its task outlives",
    "%0 is called on local %1, which its task may outlive",
    "parameter %0 of %1 is used after a suspension point, when what it refers "
    "to may be gone",
    "%0 runs %1 detached on an object owned by local %2, which the task may "
    "outlive",
    "%0 runs %1 detached on a temporary object that the task outlives",
    "the range of this loop refers into the result of 'co_await' on a "
    "temporary destroyed before the loop starts",
    "reference %0 is bound to the result of 'co_await' on a temporary "
    "destroyed after this declaration",
    "%select{reference %1 is bound to|reference %1 is bound to a member "
    "of|this structured binding refers to|view %1 refers into}0 the result of "
    "'co_await' on a temporary destroyed after this declaration",
    "the loop over %select{member|global|static}1 %0 holds an iterator across "
    "a suspension point, while other code may modify %0",
    "%0 points into %select{member|global|static}2 %1 and is used after a "
    "suspension point, while other code may modify %1",
    "%0 reaches '*this' after a suspension point without checking its weak "
    "reference %1",
    "%0 passes %1 on to %2, whose task outlives this temporary",
    "%0 passes %1 on to %2, whose task may outlive local %3",
};

static_assert(std::size(Warnings) ==
                  static_cast<size_t>(model::Said::ClosureTemporary) -
                      static_cast<size_t>(model::Said::ParamTemporary),
              "one wording per warning of async-dangling-reference");

// BlockingWaits' default is built from the blocking catalogue, at run time.
constexpr llvm::StringLiteral BlockingWaitsOpt = "BlockingWaits";

} // namespace

const model::ListOption<DanglingReferenceCheck>
    DanglingReferenceCheck::Lists[] = {
        {"ViewTypes", model::DefaultViewTypes,
         &DanglingReferenceCheck::ViewTypes},
        {"OwnerFunctions", model::DefaultOwnerFunctions,
         &DanglingReferenceCheck::OwnerFunctions},
        {"FunctionWrappers", model::DefaultFunctionWrappers,
         &DanglingReferenceCheck::FunctionWrappers},
};

const model::ListOption<model::ContainerFamilies>
    DanglingReferenceCheck::ContainerLists[] = {
        {"ContiguousContainers", model::DefaultContiguousContainers,
         &model::ContainerFamilies::Contiguous},
        {"DequeContainers", model::DefaultDequeContainers,
         &model::ContainerFamilies::Deque},
        {"NodeContainers", model::DefaultNodeContainers,
         &model::ContainerFamilies::Node},
        {"HashContainers", model::DefaultHashContainers,
         &model::ContainerFamilies::Hash},
        {"FlatHashContainers", model::DefaultFlatHashContainers,
         &model::ContainerFamilies::FlatHash},
        {"FixedContainers", model::DefaultFixedContainers,
         &model::ContainerFamilies::Fixed},
        {"WalkingAlgorithms", model::DefaultWalkingAlgorithms,
         &model::ContainerFamilies::Walking},
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
    : AsyncCheck(Name, Context, Judges::Functions),
      BlockingWaits(
          Options.get(BlockingWaitsOpt, model::defaultBlockingWaits())),
      Borrows(Options.getLocalOrGlobal(SummaryOutputOpt, "").str(),
              Options.getLocalOrGlobal(SummaryDirectoryOpt, "").str()),
      Joins(Borrows.output(), Borrows.directory()),
      Detaches(Borrows.output(), Borrows.directory()) {
  model::readListOptions<DanglingReferenceCheck>(
      *this, Lists,
      [&](StringRef N, StringRef D) { return Options.get(N, D); });
  model::readFlagOptions<DanglingReferenceCheck>(
      *this, Flags, [&](StringRef N, bool D) { return Options.get(N, D); });
  model::readListOptions<model::ContainerFamilies>(
      Containers, ContainerLists,
      [&](StringRef N, StringRef D) { return Options.get(N, D); });
}

void DanglingReferenceCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  auto Store = [&](StringRef N, auto V) { Options.store(Opts, N, V); };
  model::storeListOptions<DanglingReferenceCheck>(*this, Lists, Store);
  model::storeFlagOptions<DanglingReferenceCheck>(*this, Flags, Store);
  model::storeListOptions<model::ContainerFamilies>(Containers, ContainerLists,
                                                    Store);
  Store(BlockingWaitsOpt, StringRef(BlockingWaits.str()));
  Store(SummaryOutputOpt, StringRef(Borrows.output()));
  Store(SummaryDirectoryOpt, StringRef(Borrows.directory()));
}

void DanglingReferenceCheck::startTranslationUnit() {
  LateUses.clear();
  Modifications.clear();
  Declared.clear();
  Detached.clear();
  Borrows.startUnit(Facts.session().summaryIndexes());
  Joins.startUnit(Facts.session().summaryIndexes());
  Detaches.startUnit(Facts.session().summaryIndexes());
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
          analyses(),
          &Borrows,
          &BlockingWaits,
          &Joins,
          &Detaches,
          &OwnWaits,
          &Declared};
}

void DanglingReferenceCheck::report(const model::LifetimeFindings &Found) {
  for (const model::LifetimeEvidence &E : Found)
    if (!E.Once || reportOnce(E.at()))
      reportEvidence(*this, E, Warnings, model::Said::ParamTemporary);
}

void DanglingReferenceCheck::checkFunction(CheckedFunction &F) {
  model::CallLifetimeRules Rules = callRules();
  auto Flow = [&]() -> const model::TaskFlow & { return F.flow(); };
  model::CallerOf Caller{F.Body, Flow, &F.Decl};
  Detached.judging(F.Decl, F.events().calls(), Rules.A);
  for (const Expr *Site : F.events().calls()) {
    const auto *Call = dyn_cast<CallExpr>(Site);
    if (!Call)
      continue;
    const FunctionDecl *Callee = model::calledDefinition(*Call);
    if (!Callee) {
      if (const FunctionDecl *Coro = Declared.calledBy(*Call, Lib))
        report(model::coroutineCallLifetimes(*Call, *Coro, Caller, Rules));
      continue;
    }
    if (Callee->isDependentContext())
      continue;
    if (!model::getCoroutineBody(*Callee)) {
      report(model::wrapperCallLifetimes(*Call, *Callee, Caller, Rules));
      continue;
    }
    report(model::coroutineCallLifetimes(*Call, *Callee, Caller, Rules));
  }
  report(model::detachingCallLifetimes(F.Body, Flow, F.Ctx.getSourceManager(),
                                       &F.own(), Rules));
  if (!StrictParameters) // which reports these parameters too
    report(model::droppedHandlerParameters(F.own(), Rules));
  // Every function, so that every unit writes its file (empty when it
  // defines no coroutine that borrows).
  Borrows.summarise(
      F.Decl, [&](const ParmVarDecl &P) { return Rules.refersThrough(P); },
      LateUses, Rules.A, F.Ctx);
  Joins.summarise(F.Decl, BlockingWaits, F.Ctx);
  if (!F.isCoroutine())
    return;
  report(model::holdLifetimes(F.Decl, F.Body, F.Ctx,
                              {ViewTypes, ReferenceWrappers, OpaqueAwaitResults,
                               StrictParameters, Modifications, Detached,
                               analyses()}));
}

} // namespace clang::tidy::async
