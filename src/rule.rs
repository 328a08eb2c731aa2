//! Takes nothing; hands on `Rule`, the name of the grammar rule that found a
//! figure, which the number and date grammars stamp on what they find and
//! later stages ask about (`one_person`, `counts_from_publication`).
//! Rule that is not obvious: a rule is written and read as its name ("day
//! month year", "article"), so the JSON of a claim is what it was when rules
//! were strings; the list below is the only place a name is spelt.

/// Declares the rules once: each variant with the name it is written as.
macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// The grammar rule that matched a figure.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in the order declared.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's name, as claims are written with it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }
        }
    };
}

rules! {
    // the number grammar
    /// "286 people", "12%".
    Digits = "digits",
    /// "three men", "two dozen".
    NumberWords = "number words",
    /// "dozens of people", "hundreds".
    VaguePlural = "vague plural",
    /// "20 to 30 people".
    Range = "range",
    /// "a man", "an officer": one person named by an article.
    Article = "article",
    /// "his wife": one person named by a possessive.
    Possessive = "possessive",
    /// "a couple".
    Couple = "couple",
    /// "a pair".
    Pair = "pair",
    /// "both".
    Both = "both",
    // the date grammar
    /// "March 4, 2021".
    DayMonthYear = "day month year",
    /// "March 4".
    DayMonth = "day month",
    /// "March 3-5".
    DayRange = "day range",
    /// "the week of March 3".
    WeekOf = "week of",
    /// "2021-03-04", "3/4/2021".
    NumericDate = "numeric date",
    /// "March 2021".
    Month = "month",
    /// "2021".
    Year = "year",
    /// a year spelt in words.
    YearInWords = "year in words",
    /// "the 1990s".
    Decade = "decade",
    /// "the 19th century".
    Century = "century",
    /// "the third quarter".
    Quarter = "quarter",
    /// "the first half".
    Half = "half",
    /// "last summer".
    Season = "season",
    /// "last week", "next month".
    RelativeUnit = "relative unit",
    /// "the past year", "the next month": a stretch of time, not a calendar unit.
    PastUnit = "past unit",
    /// "the year ended", "that week": a unit named by an earlier date.
    AnaphoricUnit = "anaphoric unit",
    /// "yesterday", "tomorrow".
    RelativeDay = "relative day",
    /// "Monday".
    Weekday = "weekday",
    /// "the weekend".
    Weekend = "weekend",
    /// "two days ago".
    Ago = "ago",
    /// "a year earlier", "year-ago".
    YearAgo = "year ago",
    /// "now", "recently", "the near future".
    Deictic = "deictic",
    /// "Christmas".
    Holiday = "holiday",
    /// "three days".
    Duration = "duration",
    /// "the past weeks", "recent years".
    VagueDuration = "vague duration",
}

impl Rule {
    /// The rule of this name, if there is one.
    pub fn named(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.as_str() == name)
    }

    /// Does the rule count one person by a word ("a man", "his wife")? Such a
    /// count tells of one victim, not that there was only one.
    pub fn one_person(self) -> bool {
        matches!(self, Rule::Article | Rule::Possessive)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Rule::named(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown rule {name:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn every_name_reads_back_as_its_rule() {
        for &r in Rule::ALL {
            assert_eq!(Rule::named(r.as_str()), Some(r), "{r}");
            let json = serde_json::to_string(&r).expect("writes");
            assert_eq!(json, format!("{:?}", r.as_str()));
            let back: Rule = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back, r);
        }
    }

    #[test]
    fn no_two_rules_share_a_name() {
        for (i, a) in Rule::ALL.iter().enumerate() {
            for b in &Rule::ALL[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
            }
        }
    }

    #[test]
    fn an_unknown_name_is_an_error_not_a_rule() {
        assert_eq!(Rule::named("articel"), None);
        assert!(serde_json::from_str::<Rule>("\"articel\"").is_err());
    }
}
