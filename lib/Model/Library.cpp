//===--- Library.cpp - async-lint -----------------------------------------===//
//
// The shared lists, their defaults composed from the libraries' tables
// (Libraries.def): known libraries are named by qualified names; the common
// vocabulary (co_spawn, spawn, sync_wait, when_all, ...) is a table of its
// own, matched in any namespace.
//
//===----------------------------------------------------------------------===//

#include "Library.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::async::model {

namespace {

struct TableEntry {
  llvm::StringLiteral Library;
  llvm::StringLiteral List;
  llvm::StringLiteral Names;
};

const TableEntry Tables[] = {
#define LIBRARY_ENTRY(Library, List, Names) {#Library, #List, Names},
#include "Libraries.def"
};

} // namespace

// Every shared list, by option name. The defaults are the libraries' tables.
const Library::Entry Library::Entries[] = {
    {"TaskTypes", &Library::TaskTypes},
    {"FireAndForgetTypes", &Library::FireAndForgetTypes},
    {"SpawnFunctions", &Library::SpawnFunctions},
    {"DetachedTokens", &Library::DetachedTokens},
    {"DeferredTokens", &Library::DeferredTokens},
    {"SyncWaitFunctions", &Library::SyncWaitFunctions},
    {"JoinMembers", &Library::JoinMembers},
    {"JoiningExecutors", &Library::JoiningExecutors},
    {"JoinFunctions", &Library::JoinFunctions},
    {"CombinatorFunctions", &Library::CombinatorFunctions},
    {"KeepAliveFunctions", &Library::KeepAliveFunctions},
    {"NonSuspendingAwaitables", &Library::NonSuspendingAwaitables},
    {"AsyncSleepFunctions", &Library::AsyncSleepFunctions},
    {"AsyncMutexes", &Library::AsyncMutexes},
    {"Limiters", &Library::Limiters},
    {"WaitMembers", &Library::WaitMembers},
    {"SignalMembers", &Library::SignalMembers},
    {"CurrentExecutorAwaitables", &Library::CurrentExecutorAwaitables},
    {"PromiseFutureMembers", &Library::PromiseFutureMembers},
    {"InlineStartCombinators", &Library::InlineStartCombinators},
    {"AlwaysTrueFunctions", &Library::AlwaysTrueFunctions},
    {"AsyncLockFunctions", &Library::AsyncLockFunctions},
    {"ContextStopMembers", &Library::ContextStopMembers},
    {"WorkDestroyingContexts", &Library::WorkDestroyingContexts},
    {"AlwaysFalseFunctions", &Library::AlwaysFalseFunctions},
    // What makes a result ready (PathFacts.h).
    {"ReadyOnAwait", nullptr, &ReadinessKnowledge::ReadyOnAwait},
    {"ReadyAfterCall", nullptr, &ReadinessKnowledge::ReadyAfterCall},
    {"StatusQueries", nullptr, &ReadinessKnowledge::StatusQueries},
    {"PendingStates", nullptr, &ReadinessKnowledge::PendingStates},
    {"AllReadyCombinators", nullptr, &ReadinessKnowledge::AllReadyCombinators},
    {"AnyReadyCombinators", nullptr, &ReadinessKnowledge::AnyReadyCombinators},
    {"AssertionFunctions", nullptr, &ReadinessKnowledge::Assertions},
    {"TestFailureReports", nullptr, &ReadinessKnowledge::TestFailureReports},
};

StringRef Library::defaultOf(StringRef List) {
  // Composed once: the checks and the blocking categories keep references.
  static const llvm::StringMap<std::string> Defaults = [] {
    llvm::StringMap<std::string> Composed;
    for (const TableEntry &T : Tables) {
      std::string &Value = Composed[T.List];
      Value += Value.empty() ? "" : ";";
      Value += T.Names;
    }
    return Composed;
  }();
  auto It = Defaults.find(List);
  return It == Defaults.end() ? StringRef() : StringRef(It->second);
}

void Library::forEachTableEntry(
    llvm::function_ref<void(StringRef Library, StringRef List, StringRef Names)>
        Visit) {
  for (const TableEntry &T : Tables)
    Visit(T.Library, T.List, T.Names);
}

Library::Library() {
  for (const Entry &E : Entries)
    field(E) = NameMatcher(defaultOf(E.Name));
  Readiness.HandleTypes = TaskTypes;
}

Library::Library(
    llvm::function_ref<std::string(StringRef Name, StringRef Default)> Read) {
  for (const Entry &E : Entries)
    field(E) = NameMatcher(Read(E.Name, defaultOf(E.Name)));
  Readiness.HandleTypes = TaskTypes;
}

void Library::forEachList(
    llvm::function_ref<void(StringRef Name, StringRef Value)> Visit) const {
  for (const Entry &E : Entries)
    Visit(E.Name, field(E).str());
}

} // namespace clang::tidy::async::model
