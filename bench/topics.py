"""The synthetic archive's topics, each with its issues and recommendations (ky, ru, en).

Written for the benchmark (invented, not taken from any report). Topics use the words of
``ontology/themes.ttl`` so that the mapper tags them with SDG targets as it would a real report.
"""

from __future__ import annotations

# (topic, issues, recommendations with a {district} and a {town} to name), per language
TOPICS = {
    "ky": (
        (
            "Үй-бүлөлүк зомбулуктун алдын алуу: жергиликтүү механизмдер",
            (
                "үй-бүлөлүк зомбулук боюнча кайрылуулардын азайышы",
                "айылдарда баш калкалоочу жайдын жоктугу",
                "коргоо ордерлеринин аткарылышына көзөмөлдүн начардыгы",
            ),
            (
                "{district} ар бир айыл өкмөтүндө жооптуу адисти дайындоо",
                "{town} шаарында кризистик борбор ачуу",
            ),
        ),
        (
            "Жаштардын жумуштуулугу жана кесиптик билим берүү",
            (
                "жаштардын жумушсуздугу",
                "кесиптик лицейлердин жабдууларынын эскилиги",
                "эмгек миграциясынын күчөшү",
            ),
            (
                "{district} жаштар үчүн кесиптик курстарды ачуу",
                "{town} шаарында жумуш жарманкесин өткөрүү",
            ),
        ),
        (
            "Ичүүчү суу жана айыл чарба",
            (
                "ичүүчү суунун жетишсиздиги",
                "сугат сууну бөлүштүрүүдөгү талаш-тартыштар",
                "жайыттардын тозушу",
            ),
            (
                "{district} ичүүчү суу түтүктөрүн оңдоо",
                "{town} шаарында суу колдонуучулар бирикмесин түзүү",
            ),
        ),
        (
            "Саламаттык сактоо кызматтарына жеткиликтүүлүк",
            (
                "медайымдардын жетишсиздиги",
                "дары-дармектердин жетишсиздиги",
                "түнкү тез жардамдын жоктугу",
            ),
            (
                "{district} фельдшердик пункттарды адистер менен камсыз кылуу",
                "{town} шаарында телемедицина долбоорун кеңейтүү",
            ),
        ),
        (
            "Жергиликтүү бюджет жана жарандык катышуу",
            (
                "бюджеттик угуулардын формалдуулугу",
                "мамлекеттик сатып алуулардагы коррупция",
                "жарандардын маалыматка жетүүсүнүн чектелиши",
            ),
            (
                "{district} бюджеттик угууларды ачык өткөрүү",
                "{town} шаарында ачык бюджет порталын ишке киргизүү",
            ),
        ),
    ),
    "ru": (
        (
            "Профилактика семейного насилия на местном уровне",
            (
                "рост обращений по семейному насилию",
                "отсутствие кризисных центров в сёлах",
                "слабый контроль за исполнением охранных ордеров",
            ),
            (
                "назначить ответственного специалиста в каждом айыл окмоту {district}",
                "открыть кризисный центр в г. {town}",
            ),
        ),
        (
            "Занятость молодёжи и профессиональное обучение",
            (
                "безработица среди молодёжи",
                "устаревшее оборудование профессиональных лицеев",
                "рост трудовой миграции",
            ),
            (
                "открыть курсы профессионального обучения для молодёжи {district}",
                "провести ярмарку вакансий в г. {town}",
            ),
        ),
        (
            "Питьевая вода и сельское хозяйство",
            (
                "нехватка питьевой воды",
                "споры при распределении поливной воды",
                "деградация пастбищ",
            ),
            (
                "отремонтировать водопроводные сети {district}",
                "создать ассоциацию водопользователей в г. {town}",
            ),
        ),
        (
            "Доступ к услугам здравоохранения",
            ("нехватка медсестёр", "нехватка лекарств", "отсутствие ночной скорой помощи"),
            (
                "укомплектовать фельдшерско-акушерские пункты {district}",
                "расширить пилотный проект телемедицины в г. {town}",
            ),
        ),
        (
            "Местный бюджет и гражданское участие",
            (
                "формальный характер бюджетных слушаний",
                "коррупция в государственных закупках",
                "ограниченный доступ граждан к информации",
            ),
            (
                "проводить открытые бюджетные слушания {district}",
                "запустить портал открытого бюджета в г. {town}",
            ),
        ),
    ),
    "en": (
        (
            "Preventing domestic violence at the local level",
            (
                "more complaints of domestic violence",
                "no crisis centres in villages",
                "weak control over protection orders",
            ),
            (
                "Appoint a responsible specialist in every aiyl okmotu of {district}",
                "Open a crisis centre in {town}",
            ),
        ),
        (
            "Youth employment and vocational training",
            (
                "unemployment among young people",
                "outdated equipment of vocational schools",
                "growing labour migration",
            ),
            (
                "Open vocational training courses for young people in {district}",
                "Hold a job fair in {town}",
            ),
        ),
        (
            "Drinking water and agriculture",
            (
                "shortage of drinking water",
                "disputes over irrigation water",
                "degradation of pastures",
            ),
            (
                "Repair the drinking water pipes of {district}",
                "Set up a water users' association in {town}",
            ),
        ),
        (
            "Access to health care services",
            ("shortage of nurses", "shortage of medicines", "no ambulance on duty at night"),
            (
                "Staff the feldsher-midwife posts of {district}",
                "Extend the telemedicine pilot in {town}",
            ),
        ),
        (
            "Local budget and civic participation",
            (
                "formal budget hearings",
                "corruption in public procurement",
                "limited access of citizens to information",
            ),
            ("Hold open budget hearings in {district}", "Launch an open budget portal in {town}"),
        ),
    ),
}
