//===--- NameMatcher.cpp - async-lint -------------------------------------===//

#include "NameMatcher.h"
#include "ClassNames.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

/// Appends the name of \p D itself (its class's for a constructor).
static void appendNameOf(const NamedDecl &D, std::string &Out) {
  DeclarationName Name = D.getDeclName();
  if (Name.isIdentifier()) {
    Out += D.getName();
    return;
  }
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&D)) {
    Out += Ctor->getParent()->getName();
    return;
  }
  Out += Name.getAsString();
}

std::string canonicalName(const NamedDecl &D) {
  // The enclosing scopes that name D, innermost first; kept as references
  // into the AST and joined once (this runs for every call the checks
  // look at).
  llvm::SmallVector<llvm::StringRef, 8> Scopes;
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Scopes.push_back(NS->getName());
      continue;
    }
    if (const auto *Tag = dyn_cast<TagDecl>(DC)) {
      Scopes.push_back(Tag->getName().empty() ? llvm::StringRef("(anonymous)")
                                              : Tag->getName());
      continue;
    }
    // A function-local entity: its enclosing scopes do not name it.
    if (isa<FunctionDecl>(DC) || isa<BlockDecl>(DC))
      break;
  }
  std::string Result;
  Result.reserve(64);
  for (llvm::StringRef Scope : llvm::reverse(Scopes)) {
    Result += "::";
    Result += Scope;
  }
  Result += "::";
  appendNameOf(D, Result);
  return Result;
}

std::string canonicalTypeName(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD ? canonicalName(*RD) : std::string();
}

std::string displayName(llvm::StringRef Canonical) {
  Canonical.consume_front("::");
  return Canonical.str();
}

std::vector<std::string> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 16> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (!Item.empty())
      Result.push_back(Item.str());
  }
  return Result;
}

std::string joinList(const std::vector<std::string> &Items) {
  return llvm::join(Items, ";");
}

/// What follows the last '::' of \p Name (all of it without one). A loop
/// of its own: StringRef::rfind's general search costs several times more.
static llvm::StringRef lastSegment(llvm::StringRef Name) {
  for (size_t I = Name.size(); I >= 2; --I)
    if (Name[I - 1] == ':' && Name[I - 2] == ':')
      return Name.drop_front(I);
  return Name;
}

/// Up to this many patterns, a scan (most differ from a name in its last
/// character) costs less than hashing the name's last segment.
static constexpr size_t ScanAtMost = 24;

NameMatcher::NameMatcher(llvm::StringRef OptionValue)
    : Patterns(splitList(OptionValue)) {
  for (unsigned I = 0, N = Patterns.size(); I != N; ++I) {
    llvm::StringRef P(Patterns[I]);
    Exact.push_back(P.starts_with("::"));
    // A pattern matching at a scope boundary ends in the name's last
    // segment when its own last segment holds no ':' (an exact pattern
    // always does: it is the name).
    llvm::StringRef Segment = lastSegment(P);
    if (Exact[I] || (!Segment.empty() && !Segment.contains(':')))
      BySegment[Segment].push_back(I);
    else
      Scanned.push_back(I);
  }
}

bool NameMatcher::matchesAt(unsigned I, llvm::StringRef Name) const {
  llvm::StringRef P(Patterns[I]);
  // Patterns are not empty (splitList); most differ from the name in
  // their last character, tested before comparing the rest.
  if (P.back() != Name.back())
    return false;
  if (Exact[I])
    return Name == P;
  return Name.size() >= P.size() + 2 && Name.ends_with(P) &&
         Name.drop_back(P.size()).ends_with("::");
}

llvm::StringRef NameMatcher::match(llvm::StringRef Name) const {
  if (Name.empty() || Patterns.empty())
    return {};
  if (Patterns.size() <= ScanAtMost) {
    // matchesAt, written out: a call per pattern doubled the scan's cost.
    const char Last = Name.back();
    for (unsigned I = 0, N = Patterns.size(); I != N; ++I) {
      llvm::StringRef P(Patterns[I]);
      if (P.back() != Last)
        continue;
      if (Exact[I] ? Name == P
                   : Name.size() >= P.size() + 2 && Name.ends_with(P) &&
                         Name.drop_back(P.size()).ends_with("::"))
        return P;
    }
    return {};
  }
  // The first match in list order: the bucket is in list order, and a
  // scanned pattern counts only when it comes before the bucket's match.
  unsigned First = ~0u;
  auto It = BySegment.find(lastSegment(Name));
  if (It != BySegment.end())
    for (unsigned I : It->second)
      if (matchesAt(I, Name)) {
        First = I;
        break;
      }
  for (unsigned I : Scanned) {
    if (I > First)
      break;
    if (matchesAt(I, Name)) {
      First = I;
      break;
    }
  }
  return First == ~0u ? llvm::StringRef() : llvm::StringRef(Patterns[First]);
}

bool matchesClass(const NameMatcher &List, const CXXRecordDecl *RD) {
  // A class named by an identifier ends its canonical name with it.
  if (!RD || (RD->getDeclName().isIdentifier() &&
              !List.mayMatchSegment(RD->getName())))
    return false;
  return List.matches(canonicalName(*RD));
}

bool matchesClassOf(const NameMatcher &List, QualType T) {
  return !T.isNull() &&
         matchesClass(List, T.getNonReferenceType()->getAsCXXRecordDecl());
}

} // namespace clang::tidy::async::model
