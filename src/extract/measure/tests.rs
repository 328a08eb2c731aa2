//! Cases of `measure_in`: what a figure or a date measures in its sentence.

use super::*;
use crate::extract::token::Sentence;
use crate::key::{HOSPITALISED_INJURED, SHOT, STILL_IN_HOSPITAL};
use regex::Regex;

fn measure(sentence: &str, figure: &str) -> Option<String> {
    let start = sentence.find(figure).expect("figure in sentence");
    let others: Vec<(usize, usize)> = Regex::new(r"[0-9][0-9,.]*")
        .unwrap()
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect();
    measure_in(
        &Sentence::new(sentence),
        start,
        start + figure.len(),
        ClaimKind::Count,
        None,
        &others,
        true,
    )
    .0
    .map(|m| m.to_string())
}

macro_rules! measures {
    ($($name:ident: $sentence:expr, $figure:expr => $want:expr;)*) => {
        $(#[test] fn $name() { assert_eq!(measure($sentence, $figure).as_deref(), $want, "{}", $sentence); })*
    };
}

measures! {
    // an aside between the figure's noun and its predicate is stepped over
    aside_double_hyphens: "The mayor confirmed that three ushers -- all of them former firemen -- were killed in the hall.", "three" => Some("deaths");
    aside_dashes: "Two climbers — a guide and his client — were killed on the ridge.", "Two" => Some("deaths");
    aside_relative: "A 52-year-old porter, who staff say had just begun his shift, was struck in the crossfire.", "A 52-year-old porter" => Some("shot (killed or wounded)");
    aside_short_including: "The siege left six guards including the captain dead.", "six" => Some("deaths");
    // ... but not when the predicate beyond tells what the figure did, nor a
    // cue inside the aside's own relative clause
    aside_then_an_act: "A man — named as the lodger — fired at the guards, wounding two.", "A man" => None;
    aside_then_saying: "A local nurse, who ran to the square, said the toll would rise.", "A local nurse" => None;
    including_one_who_died: "Police say a gunman shot four people, including one who died.", "four" => Some("shot (killed or wounded)");
    // struck in a part of the body
    struck_in_the_side: "The pistol fired by accident and struck a young cashier in the hip.", "a young cashier" => Some("shot (killed or wounded)");
    // a harm done to a person named by a pronoun is the figure's act
    harm_to_a_pronoun: "He aimed a rifle at eight guards, sure the guards would kill him.", "eight" => None;
    harm_to_oneself: "A 71-year-old farmer drowned and killed himself in the flood, the family said.", "A 71-year-old farmer" => Some("deaths");
    // rounds carried are no shots fired
    rounds_of_ammunition: "The locker held a box of 50 rounds of ammunition.", "50" => None;
    rounds_fired: "The gunman fired 14 rounds at the van.", "14" => Some("shots");
    // "admitted" alone is no word of hospital
    admitted_a_role: "Detectives said one suspect has never admitted a part in the fraud.", "one suspect" => None;
    // a hospital is a cue only as where people were taken or kept
    taken_to_hospital_after_a_fire: "Nine people were taken to hospital after the fire.", "Nine" => Some("injured (taken to hospital)");
    needed_hospital_care: "Nearly 30 have needed hospital treatment.", "Nearly 30" => Some("hospitalised");
    hospital_as_employer: "The hospital employs 4,100 staff across three sites.", "4,100" => Some("jobs");
    out_of_hospital: "The pair went home from hospital on Friday.", "The pair" => None;
    // a running count over the year so far is no one event's figure
    so_far_this_year: "Across the region, 410 infections were logged so far this year.", "410" => None;
    so_far_in_a_year: "So far in 2023, 17 such deaths have been reported.", "17" => None;
    // the people a study takes in, whatever noun counts them
    study_enrolled: "The trial enrolled 1,450 patients aged 18 to 60.", "1,450" => Some("study participants");
    study_of_people: "The drug cut relapses in a trial of 1,540 people with the disease.", "1,540" => Some("study participants");
    study_involving: "It worked in a study involving 800 volunteers.", "800" => Some("study participants");
    // a court's trial of defendants, a trial of no people
    trial_of_defendants: "Letters were read at the trial of three brothers accused of arson.", "three" => None;
    shooting_of_people: "A teenager was charged over the Sunday shooting of three people near a laundrette.", "three" => Some("shot (killed or wounded)");
    shooting_of_one: "Deputies are looking into the shooting of a 9-year-old boy.", "a 9-year-old boy" => Some("shot (killed or wounded)");
    bullet_struck: "A stray bullet struck one cyclist in the arm.", "one" => Some("shot (killed or wounded)");
    stray_round_hit: "One round hit two diners by the window.", "two" => Some("shot (killed or wounded)");
    struck_in_the_shooting: "A 29-year-old cook was struck in the shooting.", "A 29-year-old cook" => Some("shot (killed or wounded)");
    struck_in_the_leg: "Two children were struck in the lower leg.", "Two" => Some("shot (killed or wounded)");
    headline_shot_at_a_place: "8 shot at Lakeside Park on the holiday; 2 detained", "8" => Some("shot (killed or wounded)");
    // struck in no wound, shot at people
    struck_in_the_dark: "Two men were struck in the dark by a van.", "Two" => None;
    headline_shot_at_people: "Two men shot at officers on Elm Street", "Two" => None;
    // a part of those shot, or a death the shooting's word tells
    shooting_of_a_group: "The shooting of two brothers shocked the street.", "two" => None;
    deadly_shooting_of: "A driver held over the deadly shooting of a clerk denied it.", "a clerk" => None;
    one_fatally_after_a_comma: "Seven people were shot, one fatally, near the fair.", "Seven" => Some("shot (killed or wounded)");
    one_fatally_after_a_dash: "Eleven people were hit by gunfire -- one fatally -- at a wedding.", "Eleven" => Some("shot (killed or wounded)");
    mother_of_two_died: "A 71-year-old father of three died when a van hit him.", "A 71-year-old father" => Some("deaths");
    cut_part_of_the_jobs: "The brewer said it would cut 640 of its 5,200 jobs.", "640" => Some("jobs cut");
    depth_of: "The quake was centred at a depth of 14 kilometres.", "14 kilometres" => Some("depth");
    depth_deep: "The focus lay 33 kilometres deep, the observatory said.", "33 kilometres" => Some("depth");
    label_injured: "Injured: 1,312", "1,312" => Some("injured");
    label_deaths: "Deaths: 12", "12" => Some("deaths");
    label_hospitalised: "Hospitalized: 208", "208" => Some("hospitalised");
    bringing_the_toll_to: "A guard died on Friday, bringing the death toll from the siege to 9.", "9" => Some("deaths");
    raising_the_seats_to: "The reform raised the number of seats in parliament to 125.", "125" => Some("seats");
    // a colon far into a sentence is no label
    colon_late: "Officials said what the injured needed most was this: 40.", "40" => None;
    now_before_the_cue: "Three people have now died in the blast.", "Three" => Some("deaths");
    now_before_a_passive: "Five officials have now been detained by police.", "Five" => Some("arrests");
    who_died: "The town buried the seventeen miners who died in the blast.", "seventeen" => Some("deaths");
    who_died_bare: "The council named the three riders who died after the race.", "three" => Some("deaths");
    that_perished: "It listed the 40 villagers that perished in the flood.", "40" => Some("deaths");
    // a relative clause whose verb has an object is the people's own act
    who_shot_a_clerk: "Police are seeking two men who shot a clerk.", "two" => None;
    brought_out_alive: "The company said 22 miners had been brought out alive.", "22" => Some("rescued");
    brought_out_figure_alive: "Rescuers brought out 25 miners alive on Friday.", "25" => Some("rescued");
    pulled_alive_from: "Crews pulled 14 people alive from the rubble.", "14" => Some("rescued");
    // "alive" alone, or found alive, is no rescue
    alive_alone: "Police said the four boys are alive and well.", "four" => None;
    crew_counted: "The launch carried 64 passengers and nine crew.", "nine" => Some("crew");
    crew_of: "The vessel sailed with a crew of 23.", "23" => Some("crew");
    crew_members: "Nine crew members were rescued from the hold.", "Nine" => Some("rescued");
    // a noun after a copula says what some of a group were
    were_passengers: "Of those found dead, 12 were passengers and two were crew members.", "12" => None;
    were_students: "All three were nurses at the clinic.", "three" => None;
    a_place_is_no_rate: "Two men were killed at a night club on Saturday.", "Two" => Some("deaths");
    a_rate_is_no_count: "The clinic sees 40 patients a day.", "40" => None;
    slaying: "Police are investigating the slaying of two teenagers.", "two" => Some("deaths");
    captured: "Troops captured 14 fighters near the border.", "14" => Some("arrests");
    passive_killed: "More than 40 people were killed in the storm.", "40" => Some("deaths");
    active_killed: "The blast killed 12 workers at the plant.", "12" => Some("deaths");
    lost_lives: "At least 30 people lost their lives in the floods.", "30" => Some("deaths");
    death_of: "The war led to the deaths of about 9,000 people.", "9,000" => Some("deaths");
    soldiers_dead: "Two days of shelling left 150 soldiers dead.", "150" => Some("deaths");
    troops_sent: "The neighbour sent 1,500 peacekeeping troops to the area.", "1,500" => Some("troops");
    split_killed: "Four were killed and 11 others wounded.", "11" => Some("injured");
    split_killed_first: "Four were killed and 11 others wounded.", "Four" => Some("deaths");
    injured: "Some 300 people were injured in the town.", "300" => Some("injured");
    crowd_marched: "At least 20,000 people marched through the capital.", "20,000" => Some("crowd");
    crowd_rallied: "Some 4,000 students rallied outside the court.", "4,000" => Some("crowd");
    crowd_gathered: "About 300 residents gathered for a vigil on Sunday.", "300" => Some("crowd");
    crowd_aside: "Some 9,000 people, according to a police estimate, demonstrated in the square.", "9,000" => Some("crowd");
    crowd_verb_before: "Parents protested the closure of three schools.", "three" => Some("school, closed");
    // a noun the lexicon does not know, killed or hurt: people
    bailiffs_killed: "The warden confirmed that two lift attendants were killed.", "two" => Some("deaths");
    wardens_hurt: "Three park wardens were injured in the blast.", "Three" => Some("injured");
    bailiffs_killing: "The inmate grabbed a gun, killing two bailiffs.", "two" => Some("deaths");
    constables_who_were_wounded: "Two lift attendants who were wounded went home.", "Two" => Some("injured");
    // a thing's own act stays its key ("86 tackles", not someone's death)
    knives_used_to_kill: "Officers found the two blades used to kill the men.", "two" => Some("blade, found");
    // a count placed in an earlier body or event is what was
    seats_in_the_outgoing: "The party, which held 31 seats in the outgoing chamber, lost ground.", "31" => None;
    seats_at_the_previous: "It won 14 seats at the previous election.", "14" => None;
    seats_in_the_new: "It won 14 seats in the new chamber.", "14" => Some("seats");
    deaths_in_the_last_week: "The fever killed 14 people in the last week.", "14" => Some("deaths");
    // an act told of the noun in the passive is its own, not the verb before
    wards_confirmed_closed: "Managers confirmed that nine depots were closed on Friday.", "nine" => Some("depot, closed");
    breaches_recorded: "An inspection recorded 23 breaches of the rules.", "23" => Some("breach, found");
    cancelled_before_noun: "The storm cost the ferry line 90 cancelled sailings.", "90" => Some("sailing, cancelled");
    warrants_executed: "Detectives had executed 37 search warrants across three towns.", "37" => Some("search warrant, executed");
    scenes_of_the_dead: "Deputies listed at least four crime scenes of dead victims.", "at least four" => Some("crime scene, listed");
    tackles_before_the_death: "He made 86 tackles in the season before he died.", "86" => Some("tackle, made");
    // an owner's name between the figure and what it counts
    shares_of_a_named_firm: "A fund holds 318,400 Velder Mills shares.", "318,400" => Some("share, holds");
    // a verb after a floating quantifier counts nothing
    both_wearing: "The two, who were both wearing caps, spoke to reporters.", "both" => None;
    crowd_put_at: "Police put the crowd at 23,000.", "23,000" => Some("crowd");
    crowd_estimated_at: "Organisers estimated the crowd outside the hall at 9,500.", "9,500" => Some("crowd");
    crowd_pegged_at: "Officials pegged the crowds at about 4,000.", "about 4,000" => Some("crowd");
    toll_put_at: "Officials put the death toll at 40.", "40" => Some("deaths");
    toll_estimated_at: "The ministry estimated the number of injured at 212.", "212" => Some("injured");
    // a crowd anywhere else is no cue
    crowd_fired_into: "Two masked men fired into the crowd near the depot.", "Two" => None;
    crowd_sized: "The singer led the 9,000 crowd in a chant.", "9,000" => None;
    // people of their own noun after the figure, not the subject's class
    children_among_passengers: "The passengers included 33 children, the operator said.", "33" => None;
    employs_engineers: "The plant employs 400 engineers.", "400" => Some("jobs");
    // an open key's act folds its inflections and plain synonyms (`acts.toml: same_act`)
    // a noun of the lexicon narrowed by a noun of its own is not the class's
    narrowed_workers: "Some 140 rescue workers took part in the search.", "140" => Some("rescue worker");
    narrowed_family_members_are_no_members: "About 50 family members attended the vigil.", "50" => None;
    workers_are_jobs: "The plant employs 1,900 workers.", "1,900" => Some("jobs");
    // a tally over many incidents is no incident's toll
    tally_of_accidents: "Last year 38 miners died in accidents nationwide.", "38" => None;
    tally_of_incidents: "Three further incidents that night left six people hurt.", "six" => None;
    tally_of_shootings: "Nine people died in a spate of shootings this month.", "Nine" => None;
    one_accident: "Three miners died in the accident.", "Three" => Some("deaths");
    people_who_staff: "Five people staff the night desk.", "Five" => Some("jobs");
    new_workers_are_jobs: "The plant will take on 300 new workers.", "300" => Some("jobs");
    a_part_of_the_jobs: "It will cut 1,800 of its 9,400 jobs.", "9,400" => Some("jobs");
    act_close: "The firm said it would close 14 depots.", "14" => Some("depot, closed");
    act_shut: "The plan will shut eleven depots in the north.", "eleven" => Some("depot, closed");
    act_shuttered: "The chain has shuttered 30 depots.", "30" => Some("depot, closed");
    act_swapped_people: "By Sunday 112 prisoners had been swapped.", "112" => Some("people, exchanged");
    act_exchanged_people: "By Sunday 112 prisoners had been exchanged.", "112" => Some("people, exchanged");
    act_on_people_before: "The two sides exchanged 112 prisoners on Sunday.", "112" => Some("people, exchanged");
    act_on_people_sent: "The agency sent 40 volunteers to the town.", "40" => Some("people, sent");
    act_on_people_unlisted: "The two sides freed 112 prisoners on Sunday.", "112" => None;
    act_not_listed_keeps_its_word: "The chain has renovated 30 depots.", "30" => Some("depot, renovated");
    displaced: "About 20,000 residents have been displaced.", "20,000" => Some("displaced");
    houses_are_not_people: "The quake damaged 18 houses, injuring 11 residents.", "18" => Some("buildings");
    homes_counted_are_not_displaced: "The fire has destroyed 48 homes.", "48" => Some("home, destroyed");
    homes_in_the_passive: "Officials said 120 homes had been damaged.", "120" => Some("home, damaged");
    homes_in_a_participle: "There were 120 homes damaged by the storm.", "120" => Some("home, damaged");
    homes_with_no_act: "The village has 48 homes.", "48" => None;
    a_name_is_no_act: "Brenner said 48 homes were in the valley.", "48" => None;
    a_span_is_no_open_count: "The road was closed for three blocks.", "three" => None;
    people_under_an_act: "By Tuesday 900 residents had lost contact with the town.", "900" => Some("people, lost");
    people_in_a_participle: "About 300 commuters stranded at the station waited.", "300" => Some("people, stranded");
    homes_without_power: "The gale left more than 80,000 homes without power.", "80,000" => Some("without power");
    customers_lost_electricity: "About 60,000 customers had lost electricity by midnight.", "60,000" => Some("without power");
    power_cut_to: "Power had been cut to 30,000 homes at the height of the storm.", "30,000" => Some("without power");
    without_water: "Some 5,000 households were without water after the main burst.", "5,000" => Some("without water");
    still_without_power: "By Friday 20,000 homes were still without power.", "20,000" => None;
    power_station: "The new power station will supply 40,000 homes.", "40,000" => None;
    people_with_no_act: "About 300 commuters use the station each day.", "300" => None;
    people_of_any_noun_fold: "Twelve miners are trapped underground after a collapse.", "Twelve" => Some("people, trapped");
    others_under_their_own_act: "One miner was killed and four others are trapped in the shaft.", "four" => Some("people, trapped");
    others_shot_beside_the_dead: "Two people were killed and three others were shot.", "three" => Some("injured");
    other_people_shot_beside_a_death: "One woman is dead and two other people were shot near the station.", "two" => Some("injured");
    others_shot_alone_are_a_part: "Five other people were also shot.", "Five" => None;
    grazed: "Two bystanders were grazed by gunfire.", "Two" => Some("injured");
    charged: "Three men were charged on Monday.", "Three" => Some("charged");
    charged_in_a_headline: "Crash victim named; 4 charged", "4" => Some("charged");
    indicted_in_a_death: "Two men indicted in the shooting death of a boy.", "Two" => Some("charged");
    charged_in_a_death: "Two teenagers have been charged in the death of a boy.", "Two" => Some("charged");
    charged_with_shooting_others: "A man was charged with shooting five people.", "five" => Some(SHOT);
    an_age_before_when: "She was 15 when she was charged with the robbery.", "15" => None;
    escaped_without_injury: "One guard escaped without injury, officers said.", "One" => None;
    no_deaths_is_no_toll: "Police said 40 people were at the party and no deaths were reported.", "40" => None;
    whose_son_was_shot: "A father whose daughter was shot twice spoke to reporters.", "A father" => None;
    a_home_is_no_population: "Officers said one of the three boys inside the home woke up.", "three" => None;
    no_arrests_and_two_sought: "Rangers did not report any arrests and are searching for three hikers.", "three" => None;
    no_more_deaths: "Rescuers said there would be no more deaths among the 30 still inside.", "30" => None;
    sought_after_a_death: "Detectives are searching for a man suspected in the fatal crash.", "a man" => None;
    sought_by_a_manhunt: "A manhunt for three inmates entered its second day.", "three" => None;
    seeking_the_driver: "State police are seeking two drivers after the deadly pile-up.", "two" => None;
    accused_are_not_the_dead: "The two men accused of killing a courier appeared in court.", "two" => None;
    suspected_is_not_the_dead: "A woman suspected of poisoning three neighbours was detained.", "A woman" => None;
    convicted_is_not_the_dead: "The three brothers convicted of murdering a farmer will appeal.", "three" => None;
    murdering_counts_the_dead: "He is accused of murdering two hikers in the park.", "two" => Some("deaths");
    attempted_murder_is_no_death: "He faces charges of attempted murder of two guards.", "two" => None;
    arrested_for_shooting_others: "A driver arrested for shooting three cyclists is in custody.", "three" => Some(SHOT);
    held_for_killing_is_no_toll: "She served 9 in prison for killing a rival.", "9" => None;
    an_attribution_is_no_cue: "The toll has risen to 51, hospital officials said on Friday.", "51" => Some("deaths");
    a_victim_before_an_attribution: "Ana Lind, a nurse at the clinic, was killed, according to police.", "a nurse" => Some("deaths");
    an_attribution_after_the_cue: "At least 51 people died, hospital officials said.", "51" => Some("deaths");
    employs: "The company employs about 4,200 people at nine plants.", "about 4,200" => Some("jobs");
    a_workforce_of: "It had a workforce of 4,200 last year.", "4,200" => Some("jobs");
    licensed_to_carry: "The ferry was licensed to carry 250 passengers.", "250" => None;
    can_seat: "The stadium can seat 40,000 spectators.", "40,000" => None;
    built_to_hold: "The shelter was built to hold up to 300 people.", "300" => None;
    a_capacity_of: "The hall has a capacity of 1,200 people.", "1,200" => None;
    carrying_is_a_count: "A ferry carrying 212 passengers sank off the island.", "212" => Some("passengers");
    treated_for_injuries: "Four others were treated for non-life-threatening injuries.", "Four" => Some("injured");
    came_home_to_find: "He came home to find two men in the kitchen.", "two" => None;
    home_with_a_man: "The boy was at home with three cousins when the shot was fired.", "three" => None;
    without_a_cue_is_not_the_cue: "Four people were killed and two more were in the house.", "two" => None;
    a_bare_figure_under_an_act: "Fifteen trapped at the pit", "Fifteen" => Some("people, trapped");
    a_cue_after_the_act_wins: "Officials said 1,180 confirmed dead after the quake.", "1,180" => Some("deaths");
    a_cue_at_the_end_of_the_act_wins: "More than 40,000 had been forced from their homes.", "40,000" => Some("displaced");
    a_cue_past_the_clause_part_is_another_figure_s: "Four miners are trapped in the shaft, and one miner has died.", "Four" => Some("people, trapped");
    a_deed_with_an_object_is_no_act_done_to_them: "Two men ambushed the party on Sunday.", "Two" => None;
    one_person_named_by_the_figure_has_no_open_key: "A gunman opened fire in the park.", "A gunman" => None;
    a_participle_before_a_preposition_is_an_act: "About 150 people were packed inside the house.", "150" => Some("people, packed");
    a_level_past_a_dated_subject: "The death toll from Monday's quake in the province stands at 16.", "16" => Some("deaths");
    people_out_of_their_homes: "Some 3,000 people are out of their homes.", "3,000" => Some("displaced");
    jobs: "The company will cut 700 jobs next year.", "700" => Some("jobs cut");
    positions: "The firm plans to eliminate 450 positions at two plants.", "450" => Some("jobs cut");
    a_person_names_its_people: "If a person surfs to the page, the code runs.", "a person" => None;
    a_mother_names_her_people: "After the loss, a mother asks for donations.", "a mother" => None;
    an_open_count_keeps_its_words: "He missed four games after surgery.", "four" => Some("game, missed");
    headcount_is_not_a_cut: "The maker has 2,300 employees at the plant.", "2,300" => Some("jobs");
    cases: "Officials have recorded 1,200 cases of measles this year.", "1,200" => Some("cases");
    members: "The council has 45 members.", "45" => Some("members");
    population_home: "The town is home to about 80,000 people.", "80,000" => Some("population");
    other_clause: "While 5 people died, the 20 firefighters were unharmed.", "20" => Some("people, unharmed");
    and_opens_a_clause: "Four people were killed and one person was injured.", "one" => Some("injured");
    aside_with_a_figure: "One man was killed and 4 others, including 2 teens, were wounded.", "4" => Some("injured");
    aside_without_a_comma: "One man was killed and 4 others including 2 teens were wounded.", "4" => Some("injured");
    relative_clause: "Of the 2 men who were hurt, one went home.", "2" => Some("injured");
    station_name: "The mayor told Radio 4 Today the driver died.", "4" => None;
    title_case_headline: "Gunman Kills 3 People At Mall", "3" => Some("deaths");
    included_part: "Six were hurt, including 2 firefighters, in the blaze.", "2" => None;
    a_tally_of_shootings: "Nine people died in shootings this month.", "Nine" => None;
    a_tally_of_homicides: "The city has had 27 homicides this year.", "27" => None;
    one_shooting: "At least 4 people were killed in the shooting.", "4" => Some("deaths");
    people_hit_after_shots: "A rifle was emptied and 3 bystanders were hit.", "3" => None;
    shots_fired: "Police said 12 shots were fired.", "12" => Some("shots");
    shots_heard: "Neighbours said they heard about 30 shots.", "about 30" => None;
    shots_estimated: "A neighbour estimated that more than 25 shots rang out.", "more than 25" => None;
    shots_counted_after_hearing: "Residents heard gunfire; police later found 30 shell casings and 12 shots were fired.", "12" => Some("shots");
    adverb_before_shot: "Police said 2 boys were accidentally shot.", "2" => Some(SHOT);
    with_a_gunshot_wound: "Officers found 2 men with a gunshot wound each.", "2" => Some("injured");
    hospital_after_a_shooting: "After the shooting 3 people were taken to hospital.", "3" => Some(HOSPITALISED_INJURED);
    hospital_in_an_outbreak: "The outbreak sent 30 people to hospital.", "30" => Some("hospitalised");
    relative_clause_of_agents: "The 2 men who killed him fled.", "2" => None;
    shot_passive: "Two women were shot in the legs outside the club.", "Two" => Some(SHOT);
    shot_object: "The gunman shot four people before fleeing.", "four" => Some(SHOT);
    shot_headline: "Three people shot outside diner", "Three" => Some(SHOT);
    agent_of_a_killing: "A gunman shot and killed two men on Monday.", "A gunman" => None;
    toll_including_the_gunman: "Five people were killed, including the gunman.", "Five" => Some("deaths");
    toll_with_the_gunman_aside: "Five people, including the gunman, were killed.", "Five" => Some("deaths");
    object_of_a_killing: "A gunman shot and killed two men on Monday.", "two" => Some("deaths");
    agent_with_a_named_object: "Deputies say a woman shot and killed Tom Doe.", "a woman" => None;
    killed_on_a_weekday: "Two men killed Monday in a crash.", "Two" => Some("deaths");
    agent_of_an_arrest: "Two deputies arrested the driver.", "Two" => None;
    headline_verb_before_a_capital: "2 Dead, 5 Wounded In Brandmoor Shooting", "5" => Some("injured");
    injured_at_a_place: "The attack left two dead and at least six injured at a diner.", "at least six" => Some("injured");
    injured_last_week: "The blast left two dead and five injured last week.", "five" => Some("injured");
    died_takes_no_object: "A 3-year-old girl died Sunday after she was struck by a car.", "A 3-year-old girl" => Some("deaths");
    killed_then_a_weekday: "A cyclist struck and killed Friday in Elmton was named.", "A cyclist" => Some("deaths");
    a_relative_clause_of_another_noun: "4 dead after crash that injured Mayor Doe", "4" => Some("deaths");
    a_relative_clause_of_the_figure: "A man who shot and killed his wife was charged.", "A man" => None;
    object_then_another_subject: "The army killed 60 fighters and the rebels killed 40 of them.", "60" => Some("deaths");
    wounded_beside_the_dead: "The blast left two dead and a wounded 9-year-old boy.", "a wounded 9-year-old boy" => Some("injured");
    shot_also: "A 31-year-old man was also shot but is expected to live.", "A 31-year-old man" => Some(SHOT);
    shot_themself: "A 5-year-old girl shot herself in the foot at home.", "A 5-year-old girl" => Some(SHOT);
    shooting_an_object: "A teenager was charged with shooting a friend on Friday.", "a friend" => Some(SHOT);
    shooting_as_a_noun: "Wedding party shooting - 3 gunmen, 9 victims", "3" => None;
    shot_headline_bare: "5 shot, including teen, at fair", "5" => Some(SHOT);
    shot_past_an_aside: "Three people, including a girl, were shot on Friday.", "Three" => Some(SHOT);
    shot_hit_by_gunfire: "Eight people were hit by gunfire near the pier.", "Eight" => Some(SHOT);
    shot_active_is_no_victim_count: "Two men shot at officers before fleeing.", "Two" => None;
    shot_active_with_object: "Two men shot him in the leg.", "Two" => None;
    hit_by_a_car_is_not_shot: "Two people were hit by a car at the fair.", "Two" => None;
    times_are_not_people: "He was shot 3 times in the chest.", "3" => None;
    part_of_a_group: "At least 3 of those injured were taken to hospital.", "3" => None;
    shot_and_killed: "Two women were shot and killed outside the club.", "Two" => Some("deaths");
    others_shot_are_a_part: "Doctors said the 4 others who were shot should recover.", "4" => None;
    shooter_is_not_a_victim: "Police said 2 men shot at the house.", "2" => None;
    wounds_are_not_the_wounded: "The victim suffered 12 stab wounds and died.", "12" => None;
    gunshot_wounds: "He was treated for 3 gunshot wounds to the chest.", "3" => None;
    charges_are_not_deaths: "He faces 2 counts of murder in the killings.", "2" => None;
    killed_with_a_distance: "The gunman killed 2 people 3 miles from the school.", "2" => Some("deaths");
    hours_count_hours: "Two people died 3 hours after the attack.", "3" => None;
    people_then_wounds: "Police said 4 people had gunshot wounds.", "4" => Some("injured");
    a_rate_per_day: "Some 2,600 commuters use the ferry every day.", "2,600" => None;
    a_rate_a_year: "The clinic treats 300 patients a year.", "300" => None;
    a_year_ago_is_no_rate: "Two people were killed a year ago at the bar.", "Two" => Some("deaths");
    deaths_over_weeks: "The school has lost 3 students in two weeks.", "3" => None;
    the_past_years: "In the past two years, 12 people were shot on the block.", "12" => None;
    rain_in_hours_is_one_event: "The storm killed 5 people in 48 hours.", "5" => Some("deaths");
    across_the_county: "Over the holiday 17 people were hurt across the county in crashes.", "17" => None;
    across_the_region_after_an_aside: "Some 22 people were injured — 3 badly — across the region in the storm.", "22" => None;
    a_year_after: "It comes two years after 6 people were hurt at a fair.", "6" => None;
    days_before: "Days before, a man fired 14 shots into an empty shop.", "14" => None;
    weeks_earlier: "Two weeks earlier 3 people were shot nearby.", "3" => None;
    days_after_is_the_same_event: "Police spoke hours after 6 people were shot at a fair.", "6" => Some(SHOT);
    aside_list: "Five were hurt, including 2 children and 1 teacher.", "1" => None;
    among_right_before: "Eight were hurt, among them 3 guards.", "3" => None;
    incidents_are_not_people: "A woman died and 5 others were hurt in 2 shooting incidents.", "2" => None;
    hurt_in_incidents: "A woman died and 5 others were hurt in 2 shooting incidents.", "5" => Some("injured");
    still_in_hospital: "Police said 3 victims remain in the hospital.", "3" => Some(STILL_IN_HOSPITAL);
    as_of_in_hospital: "As of Tuesday, 6 were still in hospital after the crash.", "6" => Some(STILL_IN_HOSPITAL);
    taken_to_hospital: "After the crash 6 were taken to hospital.", "6" => Some(HOSPITALISED_INJURED);
    people_are_not_bail: "Both suspects are held on bail of $75,000 each.", "Both" => Some("people, held");
    charges_against_people: "Prosecutors filed charges against 3 men.", "3" => None;
    guns_are_things: "Police said 40 rounds came from 2 rifles.", "2" => None;
}

#[test]
fn durative_events_give_no_date_measure() {
    let s = "The two countries fought a war in 1994.";
    let start = s.find("1994").unwrap();
    let (m, e) = measure_in(
        &Sentence::new(s),
        start,
        start + 4,
        ClaimKind::Date,
        None,
        &[],
        true,
    );
    assert_eq!(m, None);
    assert_eq!(e.map(EventClass::as_str), Some("war"));
    let s = "The man was shot on Saturday and died on Monday.";
    let start = s.find("Monday").unwrap();
    let (m, _) = measure_in(
        &Sentence::new(s),
        start,
        start + 6,
        ClaimKind::Date,
        None,
        &[],
        true,
    );
    assert_eq!(m, None, "Monday dates the death, not the shooting");
    let start = s.find("Saturday").unwrap();
    let (m, _) = measure_in(
        &Sentence::new(s),
        start,
        start + 8,
        ClaimKind::Date,
        None,
        &[],
        true,
    );
    assert_eq!(m.as_ref().map(MeasureKey::as_str), Some("date of shooting"));
    let s = "The ministers met in the capital on 12 May 2024.";
    let start = s.find("12 May").unwrap();
    let (m, _) = measure_in(
        &Sentence::new(s),
        start,
        start + 11,
        ClaimKind::Date,
        None,
        &[],
        true,
    );
    assert_eq!(m.as_ref().map(MeasureKey::as_str), Some("date of talks"));
}

#[test]
fn what_a_date_dates() {
    let shooting = Some("date of shooting".to_string());
    let cases = [
        (
            "A man was shot outside the bar on Friday.",
            "Friday",
            shooting.clone(),
        ),
        (
            "Friday's shooting left two men hurt.",
            "Friday",
            shooting.clone(),
        ),
        // another act stands nearer
        (
            "The father of the girl who was shot pleaded guilty Friday.",
            "Friday",
            None,
        ),
        (
            "A post-mortem of the cyclist who was shot was conducted Tuesday.",
            "Tuesday",
            None,
        ),
        // a time of reckoning, not of the event
        (
            "Nobody had been charged over the shooting as of Friday evening.",
            "Friday evening",
            None,
        ),
        (
            "Neighbours did not hear of the shooting until Monday.",
            "Monday",
            None,
        ),
        // the event as the complement of another act's object
        (
            "The coroner counted the victims of the shooting on Monday.",
            "Monday",
            None,
        ),
        // ... but not a place, a report or a charge of the event
        (
            "Traffic stopped near the scene of that shooting on Monday.",
            "Monday",
            shooting.clone(),
        ),
        (
            "Deputies were sent to a report of that shooting late Monday.",
            "late Monday",
            shooting.clone(),
        ),
        (
            "He is accused of shooting a clerk on Monday.",
            "Monday",
            shooting.clone(),
        ),
        // ... but a time of the event itself still dates it
        (
            "Crowds gathered at the start of the shooting on Monday.",
            "Monday",
            shooting.clone(),
        ),
        (
            "By Monday, most of those shot had left hospital.",
            "Monday",
            None,
        ),
        // an event word inside a name is no event
        (
            "A man was hurt in a shooting at Harbor Court Apartments on Thursday.",
            "Thursday",
            shooting.clone(),
        ),
    ];
    for (s, date, want) in cases {
        assert_eq!(date_of(s, date), want, "{s}");
    }
    // an event told by its verb, not by a participle that describes a noun
    let collapse = Some("date of collapse".to_string());
    for (s, date, want) in [
        (
            "The roof of the depot collapsed on Friday during heavy rain.",
            "Friday",
            collapse.clone(),
        ),
        (
            "Engineers asked why the roof was built flat, after it collapsed on June 7.",
            "June 7",
            collapse.clone(),
        ),
        (
            "Rescuers dug through collapsed apartment blocks on Monday.",
            "Monday",
            None,
        ),
        (
            "Crews searched the collapsed buildings on Monday.",
            "Monday",
            None,
        ),
    ] {
        assert_eq!(date_of(s, date), want, "{s}");
    }
    assert_eq!(
        date_of(
            "The board certified the results of the club's election on Monday.",
            "Monday"
        ),
        None
    );
}

#[test]
fn present_tense_puts_the_event_on_the_dateline() {
    let now = |s: &str| happening_now(s).map(EventClass::as_str);
    assert_eq!(
        now("The minister holds talks with her counterpart."),
        Some("talks")
    );
    assert_eq!(
        now("Leaders meet in the capital to discuss the border."),
        Some("talks")
    );
    assert_eq!(
        now("The quake, measured at magnitude 6.1, was centred near the town."),
        None
    );
    assert_eq!(
        now("The death toll from the earthquake stands at 40."),
        None
    );
}

/// What the figure `figure` of `sentence` measures and the event it belongs to,
/// read as a claim of `kind` given in `unit`, with no other figure in the sentence.
fn read(
    sentence: &str,
    figure: &str,
    kind: ClaimKind,
    unit: Option<&str>,
) -> (Option<String>, Option<String>) {
    let start = sentence.find(figure).expect("figure in sentence");
    let (m, e) = measure_in(
        &Sentence::new(sentence),
        start,
        start + figure.len(),
        kind,
        unit,
        &[(start, start + figure.len())],
        true,
    );
    (m.map(|m| m.to_string()), e.map(|e| e.to_string()))
}

/// What a sum of money or a span of time is of, read from its frame.
fn framed(sentence: &str, figure: &str, kind: ClaimKind) -> Option<String> {
    read(sentence, figure, kind, None).0
}

/// What a figure given in a unit measures.
fn in_unit(sentence: &str, figure: &str, unit: &str) -> Option<String> {
    read(sentence, figure, ClaimKind::Quantity, Some(unit)).0
}

/// The event class a count belongs to.
fn event_of_count(sentence: &str, figure: &str) -> Option<String> {
    read(sentence, figure, ClaimKind::Count, None).1
}

/// Things a study runs in are no people it takes in.
#[test]
fn a_study_takes_in_people_only() {
    for (s, f) in [
        ("A trial of the drug ran in 40 hospitals.", "40"),
        ("The study covered 12 countries.", "12"),
    ] {
        assert_ne!(measure(s, f).as_deref(), Some("study participants"), "{s}");
    }
}

/// A standing sum of its owner (a budget) takes no event from the words near it.
#[test]
fn a_budget_belongs_to_no_event() {
    let (m, e) = read(
        "The council adopted a budget of $421 million on a vote of seven to four.",
        "$421 million",
        ClaimKind::Money,
        None,
    );
    assert_eq!(m.as_deref(), Some("budget"));
    assert_eq!(e, None);
    // a cost keeps its event
    let (_, e) = read(
        "The storm caused damage that cost the county $40 million.",
        "$40 million",
        ClaimKind::Money,
        None,
    );
    assert_eq!(e.as_deref(), Some("storm"));
}

/// What a date given to the day dates.
fn date_of(sentence: &str, date: &str) -> Option<String> {
    read(sentence, date, ClaimKind::Date, None).0
}

/// A table of cases for one reader: each row a test of its own, named, with the
/// reader's arguments and the one value expected.
macro_rules! cases {
    ($read:ident: $($name:ident: $($arg:expr),+ => $want:expr;)*) => {
        $(#[test] fn $name() {
            assert_eq!($read($($arg),+).as_deref(), $want, "{:?}", ($($arg),+));
        })*
    };
}

macro_rules! frames {
    ($($name:ident: $kind:ident, $sentence:expr, $figure:expr => $want:expr;)*) => {
        $(#[test] fn $name() {
            assert_eq!(framed($sentence, $figure, ClaimKind::$kind).as_deref(), $want, "{}", $sentence);
        })*
    };
}

frames! {
    // the length of an agreement, whatever noun names it
    contract_compound: Duration, "She has agreed a five-year contract.", "five-year" => Some("length of the contract");
    contract_deal: Duration, "The 24-year-old has signed a four-year deal with the option of a fifth.", "four-year" => Some("length of the contract");
    contract_extension: Duration, "The coach was given a two-year extension.", "two-year" => Some("length of the contract");
    // a term told "in prison" after another noun is a prison term
    term_in_prison_after_a_deal: Duration, "She took a bargain for nine years in prison.", "nine years" => Some("prison term");
    term_in_jail: Duration, "She was given nine months in jail.", "nine months" => Some("prison term");
    // a transfer's fee, named by its move or its signing
    fee_move: Money, "Brask completes £21m move to Harbury", "£21m" => Some("fee");
    fee_signing: Money, "He became a £5m signing in the summer.", "£5m" => Some("fee");
    // a standing sum of an owner, narrowed to a part by a noun before it
    budget_whole: Money, "The council approved a $412 million budget for the coming year.", "$412 million" => Some("budget");
    budget_of: Money, "The council adopted a budget of $421 million on a vote of seven to four.", "$421 million" => Some("budget");
    budget_annual: Money, "The city's annual budget rises to $400 million.", "$400 million" => Some("budget");
    budget_part: Money, "The police budget rises by $3 million to $38 million.", "$38 million" => Some("budget, police");
    budget_part_possessive: Money, "The police department's budget grows to $38 million.", "$38 million" => Some("budget, police department");
    revenue_part: Money, "The parts division's revenue fell to $85 million.", "$85 million" => Some("revenue, parts division");
    revenue_scope: Money, "Quarterly revenue rose to $2.4 billion.", "$2.4 billion" => Some("revenue");
    // one class, many surface forms: the verb, the noun it modifies, the noun it is "of"
    term_jailed_for: Duration, "The clerk was jailed for 9 years on Monday.", "9 years" => Some("prison term");
    term_sentenced_to: Duration, "A judge sentenced her yesterday to 11 years.", "11 years" => Some("prison term");
    term_compound: Duration, "He received a seven-year sentence.", "seven-year" => Some("prison term");
    term_of: Duration, "The court handed down a sentence of 20 years.", "20 years" => Some("prison term");
    term_imprisoned: Duration, "The courier was imprisoned for eight months.", "eight months" => Some("prison term");
    stolen_verb: Money, "The treasurer stole $40,000 from the club.", "$40,000" => Some("sum stolen");
    stolen_gerund: Money, "She admitted stealing £1.2 million from clients.", "£1.2 million" => Some("sum stolen");
    stolen_embezzled: Money, "Prosecutors say he embezzled €300,000.", "€300,000" => Some("sum stolen");
    strike_compound: Duration, "Nurses ended a 12-day strike on Friday.", "12-day" => Some("length of the strike");
    strike_walkout: Duration, "The drivers staged a two-week walkout.", "two-week" => Some("length of the strike");
    strike_on: Duration, "The crews went back after three weeks on strike.", "three weeks" => Some("length of the strike");
    strike_of: Duration, "Nine days of strike ended on Friday.", "Nine days" => Some("length of the strike");
    window_of_other: Duration, "The firm grew after three years of losses.", "three years" => None;
    strike_lasted: Duration, "The stoppage lasted nine days.", "nine days" => Some("length of the strike");
    fee_of: Money, "The club paid a fee of £30 million.", "£30 million" => Some("fee");
    fee_compound: Money, "He joined for a $5 million transfer.", "$5 million" => Some("fee");
    fine_compound: Money, "The bank faces a $2 billion fine.", "$2 billion" => Some("fine");
    fine_beside_a_charge: Money, "The offence brings a criminal charge and a $500 fine.", "$500" => Some("fine");
    fine_verb: Money, "The airline was fined €4 million.", "€4 million" => Some("fine");
    settlement_compound: Money, "The city agreed a $9 million settlement.", "$9 million" => Some("settlement");
    // a frame the lexicon does not fold keeps its own noun
    open_noun_frame: Duration, "The two-day hearing ended early.", "two-day" => Some("length of hearing");
    open_money_noun: Money, "It signed a deal worth $70 million.", "$70 million" => Some("amount of deal");
    // a sum's noun, however the sum is told, without the verb that handles it
    open_money_compound: Money, "The two sides are close to agreeing a $3 billion loan.", "$3 billion" => Some("amount of loan");
    open_money_of: Money, "The country is negotiating a loan of $3 billion.", "$3 billion" => Some("amount of loan");
    open_money_modified: Money, "It arranged a $6 billion bridge loan.", "$6 billion" => Some("amount of bridge loan");
    // negative rows: no frame, or one that names no length or sum
    unknown_verb: Money, "The family paid $3,000 for the funeral.", "$3,000" => None;
    unknown_verb_span: Duration, "She worked for 30 years at the mill.", "30 years" => None;
    window: Duration, "The firm won two contracts in seven months.", "seven months" => None;
    remainder: Duration, "They scored with 12 seconds left.", "12 seconds" => None;
    a_point: Duration, "The plant closed two years ago.", "two years" => None;
    time_spent_so_far: Duration, "He spent nine months in jail before the trial.", "nine months" => None;
    a_rate: Money, "The contract paid him $4 million a year.", "$4 million" => None;
    settlement_in: Money, "Each family would receive €25,000 in compensation from a fund.", "€25,000" => Some("settlement");
    fine_in: Money, "The banks paid $2 million in fines last year.", "$2 million" => Some("fine");
    // a span in prison is no sum and no term
    span_in_jail: Duration, "The clerk spent eleven months in jail awaiting the hearing.", "eleven months" => None;
    sum_level_past_its_change: Money, "Turnover rose 5.2% to $3.16 billion from $3 billion.", "$3.16 billion" => Some("revenue");
    sum_level_profit: Money, "Profit climbed 31 percent to $7.4 million.", "$7.4 million" => Some("profit");
    per_share_alone: Money, "The board declared a dividend of $0.10 a share.", "$0.10" => None;
    per_share_is_not_revenue: Money, "It earned $49 million, or $4.55 a share, on revenue of $1.2 billion.", "$4.55" => None;
    revenue_beside_a_per_share_figure: Money, "It earned $49 million, or $4.55 a share, on revenue of $1.2 billion.", "$1.2 billion" => Some("revenue");
    said: Money, "The minister said $80 million would be spent.", "$80 million" => None;
    // a share whose measure word stands apart, before a verb of level
    premium_of: Percent, "The offer is a premium of 32% to the closing price.", "32%" => Some("premium %");
    premium_at: Percent, "It values each share at a premium of 27 per cent.", "27 per cent" => Some("premium %");
    // a change of a named thing, with the act the phrase is the object of
    pay_rise_offered: Percent, "The government has offered a pay rise of 3.5 percent this year.", "3.5 percent" => Some("pay rise %, offered");
    pay_rise_offer_of: Percent, "The minister said the offer of a 4.5 percent pay rise remained.", "4.5 percent" => Some("pay rise %, offered");
    pay_rise_proposed: Percent, "The board proposed a 4 percent pay rise.", "4 percent" => Some("pay rise %, offered");
    pay_rise_demanded: Percent, "The union is demanding a 12 percent pay rise.", "12 percent" => Some("pay rise %, demanded");
    pay_rise_wanted: Percent, "The union wants a pay rise of 10 percent.", "10 percent" => Some("pay rise %, demanded");
    rent_hike: Percent, "Tenants face a 9% rent hike.", "9%" => Some("rent hike %, face");
    // a change of nothing named sizes nothing
    bare_rise: Percent, "Prices saw a 10 percent rise.", "10 percent" => None;
    demanded_rise: Percent, "The union wants a 10 percent rise.", "10 percent" => Some("rise %, demanded");
    sought_rise: Percent, "The union is seeking a 9 percent increase.", "9 percent" => Some("rise %, demanded");
    offered_rise: Percent, "The board offered a 4 percent hike.", "4 percent" => Some("rise %, offered");
    share_of_noun: Percent, "Turnout of 51 percent in the first round was high.", "51 percent" => Some("turnout %");
    share_of_a_verbs_object: Percent, "Protection requires coverage of about 95%.", "about 95%" => None;
    bare_increase_of: Percent, "The survey showed an increase of 5 percent.", "5 percent" => None;
    // a level's noun narrowed by what it is the level of, placed or not
    level_of_methane: Percent, "Methane levels at the coal face had reached 4.5% before the blast.", "4.5%" => Some("methane %");
    level_of_methane_concentration: Percent, "Methane concentrations in the affected district had reached 3.2 percent.", "3.2 percent" => Some("methane %");
    level_inflation_rate: Percent, "The inflation rate reached 38 percent in April.", "38 percent" => Some("inflation %");
    level_placed: Percent, "Unemployment in the north rose to 9 percent.", "9 percent" => Some("unemployment %");
    percent_level: Percent, "Coverage with two doses of the vaccine among children entering school in the district stands at 87%.", "87%" => Some("vaccination %");
    // a share the lexicon has no class for keeps the noun it is a share of
    percent_of_the: Percent, "The chain holds 30% of the furniture market.", "30%" => Some("furniture market %");
    percent_of_a_plural: Percent, "Nearly 60 percent of towns have no bank branch.", "60 percent" => Some("town %");
    percent_sizes_a_noun: Percent, "It bought a 40% stake in the brewer.", "40%" => Some("stake %");
    percent_of_a_change: Percent, "The agency reported a 12% increase on last year.", "12%" => None;
    percent_of_a_name: Percent, "About 45% of Americans approve.", "45%" => None;
    percent_of_people: Percent, "To stop the outbreak, about 90% of adults need a second dose.", "90%" => None;
    // a level of a subject the lexicon has no class for: the subject, with its modifier
    subject_was: Percent, "Turnout was 64%, officials said.", "64%" => Some("turnout %");
    subject_reached: Percent, "Turnout reached 64 percent in the capital.", "64 percent" => Some("turnout %");
    subject_hit: Percent, "Turnout hit 64% by noon.", "64%" => Some("turnout %");
    subject_with_at: Percent, "With turnout at 64 percent, the vote is valid.", "64 percent" => Some("turnout %");
    subject_modified: Percent, "Annual inflation fell to 6.1% in May.", "6.1%" => Some("annual inflation %");
    subject_modified_lower: Percent, "Last month annual inflation eased to 6.1 percent.", "6.1 percent" => Some("annual inflation %");
    subject_after_a_preposition: Percent, "By noon turnout had hit 64%.", "64%" => Some("turnout %");
    subject_peaked: Percent, "Inflation peaked at 90 percent that winter.", "90 percent" => Some("inflation %");
    subject_has_risen: Percent, "Youth unemployment has risen to 31%.", "31%" => Some("youth unemployment %");
    subject_of: Percent, "The rate of inflation was 4.2% in March.", "4.2%" => Some("inflation %");
    // negative rows: a change is no level, a generic or a name is no subject
    subject_change: Percent, "Fuel prices rose 60 percent overnight.", "60 percent" => None;
    sizes_nothing: Percent, "It was 5% higher than forecast.", "5%" => None;
    subject_generic: Percent, "Among graduates, the rate was 3.9 percent.", "3.9 percent" => None;
    subject_pronoun: Percent, "It was 5% in the end.", "5%" => None;
    subject_name: Percent, "Shares of Halvern rose to 12% of the index.", "12%" => Some("index %");
    subject_a_figure: Percent, "Its share of the $5 billion market is 3%.", "3%" => Some("market %");
    subject_degree: Percent, "The county is 43 percent rural.", "43 percent" => None;
    subject_degree_sure: Percent, "The agency is 99 percent sure of it.", "99 percent" => None;
    subject_then_a_month: Percent, "Inflation was 9 percent in March.", "9 percent" => Some("inflation %");
    sized_after_an_adjective: Percent, "It holds an unwelcome 12% stake in the firm.", "12%" => Some("stake %");
    sized_plural: Percent, "It sold $2 million of 12% convertible notes.", "12%" => Some("convertible note %");
    a_rate_cut_is_no_job_cut: Percent, "The drug cut the rate of seizures by 41% in the study.", "41%" => None;
    containment_cut: Percent, "Crews had cut fire lines around 20 percent of the blaze.", "20 percent" => None;
    a_workforce_cut: Percent, "The bank will cut 8% of its workforce.", "8%" => Some("jobs %");
}

cases! {
    in_unit:
    // the unit alone, where nothing else says what the figure measures
    area_burned: "The fire has burned 9,400 acres of scrub.", "9,400 acres", "acre" => Some("acre");
    area_at_the_end: "By Monday the blaze covered more than 9,400 acres.", "more than 9,400 acres", "acre" => Some("acre");
    weight_recalled: "The firm is recalling 12,000 pounds of ground beef.", "12,000 pounds", "lb" => Some("lb");
    volume_of: "Crews poured 3,000 gallons of water on the roof.", "3,000 gallons", "gal" => Some("gal");
    distance_then_a_day: "She ran for 140 yards Sunday.", "140 yards", "yd" => Some("yd");
    a_unit_that_is_a_measure: "A 5.8-magnitude quake struck at dawn.", "5.8-magnitude", "magnitude" => Some("magnitude");
    // a size of the thing named after it, or of a person described
    a_field_goal: "He kicked a 38-yard field goal.", "38-yard", "yd" => None;
    a_calibre: "Officers found a 7mm rifle in the van.", "7mm", "mm" => None;
    a_plot: "The school sits on a 12-acre plot.", "12-acre", "acre" => None;
    tall: "The driver is 5 feet tall.", "5 feet", "ft" => None;
    feet_and_inches: "The driver is 5 feet 8 inches.", "5 feet", "ft" => None;
    weighing: "He was described as weighing 180 pounds.", "180 pounds", "lb" => None;
    wide: "The blast left a crater three metres wide.", "three metres", "m" => None;
    away: "The car was found four miles away.", "four miles", "mi" => None;
    beneath: "The quake struck four miles beneath the seabed.", "four miles", "mi" => Some("mi");
    behind: "The rifle lay 80 feet behind the barn.", "80 feet", "ft" => Some("ft");
}

cases! {
    event_of_count:
    // one class, many surface forms
    a_bomber: "At least 20 people were killed when a bomber struck a bus stop.", "20" => Some("explosion");
    a_bombing: "The bombing killed 20 people.", "20" => Some("explosion");
    bombed: "Jets bombed the depot, killing 20 people.", "20" => Some("explosion");
    a_blast: "A blast at the depot killed 20 people.", "20" => Some("explosion");
    twin_bombings: "The twin bombings killed 20 people.", "20" => Some("explosion");
    capsized: "A ferry capsized off the island, leaving 20 people dead.", "20" => Some("sinking");
    sank: "Twenty people drowned when the boat sank.", "Twenty" => Some("sinking");
    an_aftershock_is_its_own_event: "A strong aftershock on Monday killed two more people.", "two" => Some("aftershock");
    the_main_shock: "The quake killed 20 people and was followed by aftershocks.", "20" => Some("earthquake");
    a_relative_clause_speaks_of_its_antecedent: "The quake, which the civil defence agency said had killed 20 people, was followed by aftershocks.", "20" => Some("earthquake");
    burst_its_banks: "The river burst its banks, leaving 20 people dead.", "20" => Some("flood");
    banks_are_lenders: "Two banks said 20 branches would shut.", "20" => Some("closure");
    banks_alone: "The two banks employ 20 people in the town.", "20" => None;
    close_to_closes_nothing: "The storm struck close to the port, killing 20 people.", "20" => Some("storm");
    close_to_a_figure: "Close to 20 people were hurt when the plant closed its gates.", "20" => Some("closure");
    // no event word in the sentence: none
    no_event_word: "Officials said 20 people were killed.", "20" => None;
    // a phrase that opens with an event word and names none
    fighting_for_her_life: "Two men are dead and a woman is fighting for her life.", "Two" => None;
    fighting_for_their_lives: "Three people were fighting for their lives after the crash.", "Three" => Some("crash");
    battle_for_his_life: "One boy died and another is in a battle for his life.", "One" => None;
    fighting_is_still_a_clash: "Two soldiers died in fighting near the pass.", "Two" => Some("clashes");
    // an attribution or a closing relative clause tells of another noun
    attribution_is_no_event: "Two soldiers died, according to a statement.", "Two" => None;
    attribution_after_the_event: "Two soldiers died in the clashes, according to a statement.", "Two" => Some("clashes");
    attribution_ends_at_a_stop: "Two people died, according to the Harrow Sheriff's Office.Officials said the shooting was random.", "Two" => Some("shooting");
    closing_relative_clause: "The tally lists 31 civilians killed, most of them in villages that came under rocket fire.", "31" => None;
    relative_aside_keeps_the_predicate: "Three men, one of whom was a driver, were shot dead at the yard.", "Three" => Some("shooting");
    relative_without_a_comma: "The storm killed 12 people who lived by the river.", "12" => Some("storm");
}

cases! {
    date_of:
    // one event, many ways of giving its day
    meeting_on: "The ministers will meet on May 4 in the capital.", "May 4" => Some("date of talks");
    meeting_planned_for: "The meeting is planned for May 4 in the capital.", "May 4" => Some("date of talks");
    meeting_planned_aside: "The meeting, planned for May 4, will go ahead.", "May 4" => Some("date of talks");
    meeting_slated: "Talks are slated for May 4.", "May 4" => Some("date of talks");
    meeting_postponed: "The summit was postponed to May 4.", "May 4" => Some("date of talks");
    hearing_in_a_case: "A hearing in the fraud case is scheduled for May 4.", "May 4" => Some("date of trial");
    referendum_is_no_election: "The referendum will be held on May 4.", "May 4" => Some("date of referendum");
    a_vote_is_an_election: "The vote will be held on May 4.", "May 4" => Some("date of election");
    meeting_before_a_plan: "The board meeting was set for May 4, when members plan to vote.", "May 4" => Some("date of talks");
    due_on: "The verdict is due on May 4.", "May 4" => Some("date of trial");
    set_after_the_subject_clause: "Police said the crash happened on Monday and a hearing is set for May 4.", "May 4" => Some("date of trial");
    planned_in_a_relative_clause: "Elections which are planned for May 4 will be held in two rounds.", "May 4" => Some("date of election");
    scheduled_bare: "A hearing is scheduled May 4 for the two men.", "May 4" => Some("date of trial");
    delayed_bare_is_the_delay: "The verdict was delayed Thursday for the driver charged in the crash.", "Thursday" => None;
    // another act nearer the date takes it
    another_act: "The ministers, who met in March, signed the text on May 4.", "May 4" => None;
    // a date in a relative clause dates its antecedent
    date_in_a_relative_clause: "The fighting, which began on 26 February, lasted four days.", "26 February" => Some("date of clashes");
    date_in_a_relative_clause_of_a_name: "The fraud trial of Ilse Marrow, which began on 14 October, ended on Friday.", "14 October" => Some("date of trial");
    date_in_a_relative_clause_durative: "The war, which began on 26 February, lasted four years.", "26 February" => None;
    // far from any event word, the subject's event: "took effect", "got underway"
    subject_far_off: "The truce, brokered by the two neighbours' mediators, took effect at midnight on March 1.", "March 1" => Some("date of agreement");
    subject_past_an_attribution: "The truce took effect at midnight on March 1, according to a joint statement.", "March 1" => Some("date of agreement");
    subject_with_a_preposition: "The trial for the first of the five defendants gets underway March 13 in the capital.", "March 13" => Some("date of trial");
    subject_is_a_modifier: "Court records seen by reporters on Thursday showed the two men had never spoken before March 1.", "March 1" => None;
    subject_in_another_clause: "The truce held for weeks across the whole of the disputed valley, but on March 1 the guns spoke again.", "March 1" => None;
    // the subject's event past one modifier, and verbs of striking
    modified_subject_struck: "A powerful earthquake struck the province in the early hours of 12 October.", "12 October" => Some("date of earthquake");
    // a verb of the event's own occurring is no other act
    started_on: "The protests started on 5 May.", "5 May" => Some("date of protest");
    started_with_a_clause_after: "The protests started on 5 May, when drivers blocked the roads.", "5 May" => Some("date of protest");
    happened_bare: "The stabbing happened Tuesday shortly after dusk by the canal.", "Tuesday" => Some("date of shooting");
    occurred_on: "The crash occurred on Feb. 3 on the coast road.", "Feb. 3" => Some("date of crash");
    erupted_after_the_event: "The clashes erupted late on Sunday outside the ministry.", "late on Sunday" => Some("date of clashes");
    // "to be held on": the event named before the comma, still to take place
    to_be_held_after_a_comma: "He called a referendum on the package, to be held on 15 June.", "15 June" => Some("date of referendum");
    will_be_held_after_a_comma: "The party announced a vote, which will be held on 15 June.", "15 June" => Some("date of election");
    to_be_held_names_nothing: "He said the package, to be held on 15 June, was final.", "15 June" => None;
    // "ended" closes a period ("the year ended Jan. 31"), not an event's day
    year_ended: "In the year ended March 31, the chain reported sales of $81 million.", "March 31" => None;
}

/// What a sum per share restates: the figure read beside the other figures of its
/// sentence, each given by its text.
fn beside(sentence: &str, figure: &str, kind: ClaimKind, others: &[&str]) -> Option<String> {
    let span = |f: &str| {
        let at = sentence.find(f).expect("figure in sentence");
        (at, at + f.len())
    };
    let (start, end) = span(figure);
    let spans: Vec<(usize, usize)> = others
        .iter()
        .map(|f| span(f))
        .chain([(start, end)])
        .collect();
    measure_in(
        &Sentence::new(sentence),
        start,
        end,
        kind,
        None,
        &spans,
        true,
    )
    .0
    .map(|m| m.to_string())
}

#[test]
fn a_sum_per_share_restates_the_sum_before_it() {
    let net = "It had net income of $41.7 million, or $0.62 a share.";
    let cents = "Profit climbed 31% to $7.4 million, or 19 cents a share, from a year earlier.";
    let national = "It had a net loss of $5.6 million, or 9 Canadian cents a share.";
    assert_eq!(
        beside(national, "9", ClaimKind::Count, &["$5.6 million"]).as_deref(),
        Some("amount of loss per share")
    );
    let alone = "The board declared a dividend of 10 cents a share.";
    let rate = "It earned $41.7 million, or $3.10 an hour.";
    assert_eq!(
        beside(net, "$0.62", ClaimKind::Money, &["$41.7 million"]).as_deref(),
        Some("amount of income per share")
    );
    assert_eq!(
        beside(cents, "19", ClaimKind::Count, &["31%", "$7.4 million"]).as_deref(),
        Some("profit per share")
    );
    assert_eq!(beside(alone, "10", ClaimKind::Count, &[]), None);
    assert_eq!(
        beside(rate, "$3.10", ClaimKind::Money, &["$41.7 million"]),
        None
    );
}
