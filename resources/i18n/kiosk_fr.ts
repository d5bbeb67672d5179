<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Confirm</name>
    <message>
        <source>Is this you?</source>
        <translation>Est-ce bien vous&#xa0;?</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>Oui, enregistrez-moi</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Non, revenir</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Search name, organisation, email or code</source>
        <translation>Rechercher nom, organisation, e-mail ou code</translation>
    </message>
    <message>
        <source>Search attendees</source>
        <translation>Rechercher des participants</translation>
    </message>
    <message>
        <source>Check-in filter</source>
        <translation>Filtre d’arrivée</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Checked in</source>
        <comment>filter: the people who have arrived</comment>
        <translation>Arrivés</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Filtre de catégorie</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes catégories</translation>
    </message>
    <message>
        <source>Event or session</source>
        <translation>Événement ou session</translation>
    </message>
    <message>
        <source>The event (today)</source>
        <translation>Toute la journée</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Enregistrer l’arrivée</translation>
    </message>
    <message>
        <source>Undo check-in…</source>
        <translation>Annuler l’arrivée…</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>Réimprimer le badge</translation>
    </message>
    <message>
        <source>Replace lost badge…</source>
        <translation>Remplacer un badge perdu…</translation>
    </message>
    <message>
        <source>Replace lost badge</source>
        <translation>Remplacer un badge perdu</translation>
    </message>
    <message>
        <source>Give {name} a new badge with a new code? Their lost badge will no longer admit anyone.</source>
        <translation>Donner à {name} un nouveau badge avec un nouveau code&#xa0;? Le badge perdu ne permettra plus à personne d’entrer.</translation>
    </message>
    <message>
        <source>Replace badge</source>
        <translation>Remplacer le badge</translation>
    </message>
    <message>
        <source>Badge replaced: the lost one no longer admits.</source>
        <translation>Badge remplacé&#xa0;: le badge perdu ne permet plus d’entrer.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transférer…</translation>
    </message>
    <message>
        <source>Cancel registration…</source>
        <translation>Annuler l’inscription…</translation>
    </message>
    <message>
        <source>Walk-in…</source>
        <translation>Inscription sur place…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Checked in.</source>
        <translation>Arrivée enregistrée.</translation>
    </message>
    <message>
        <source>Already checked in today.</source>
        <translation>Déjà enregistré(e) aujourd’hui.</translation>
    </message>
    <message>
        <source>This registration is cancelled.</source>
        <translation>Cette inscription est annulée.</translation>
    </message>
    <message>
        <source>Not valid at this time.</source>
        <translation>Non valable à cette heure.</translation>
    </message>
    <message>
        <source>Check-in undone.</source>
        <translation>Arrivée annulée.</translation>
    </message>
    <message>
        <source>Registration cancelled.</source>
        <translation>Inscription annulée.</translation>
    </message>
    <message>
        <source>Edit attendee</source>
        <translation>Modifier le participant</translation>
    </message>
    <message>
        <source>Transfer to another person</source>
        <translation>Transférer à une autre personne</translation>
    </message>
    <message>
        <source>Registration transferred; the ticket still scans.</source>
        <translation>Inscription transférée&#xa0;; le billet reste valable.</translation>
    </message>
    <message>
        <source>Walk-in registration</source>
        <translation>Inscription sur place</translation>
    </message>
    <message>
        <source>Walk-in registered and checked in.</source>
        <translation>Inscrit(e) sur place, arrivée enregistrée.</translation>
    </message>
    <message>
        <source>Attendee details</source>
        <translation>Détails du participant</translation>
    </message>
    <message>
        <source>{email} (buyer&apos;s)</source>
        <translation>{email} (e-mail de l’acheteur)</translation>
    </message>
    <message>
        <source>Choose someone from the list.</source>
        <translation>Choisissez une personne dans la liste.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Badges made (printed or saved)</source>
        <translation>Badges faits (imprimés ou enregistrés)</translation>
    </message>
    <message>
        <source>Something went wrong; check-ins so far are safe.</source>
        <translation>Un problème est survenu ; les enregistrements faits jusqu’ici sont en sécurité.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Please do not write anyone&apos;s name here.</source>
        <translation>Merci de n’écrire aucun nom ici.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Staff notes and access needs</source>
        <translation>Notes du personnel et besoins d’accessibilité</translation>
    </message>
    <message>
        <source>Staff notes</source>
        <translation>Notes du personnel</translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation>Vérifications de l’état</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Checked in of expected</source>
        <translation>Arrivés sur attendus</translation>
    </message>
    <message>
        <source>Checked in</source>
        <comment>column: how many have arrived</comment>
        <translation>Arrivés</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendus</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Last 20 check-ins</source>
        <translation>Les 20 dernières arrivées</translation>
    </message>
    <message>
        <source>Print failures and conflicts</source>
        <translation>Échecs d’impression et conflits</translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation>Arrivées par quart d’heure</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Par catégorie</translation>
    </message>
    <message>
        <source>By session</source>
        <translation>Par session</translation>
    </message>
    <message>
        <source>Last check-ins</source>
        <translation>Dernières arrivées</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>{checked} of {expected} checked in today</source>
        <translation>{checked} sur {expected} arrivés aujourd’hui</translation>
    </message>
    <message>
        <source>Badge for {name} did not print: {error} (job {job})</source>
        <translation>Le badge de {name} n’a pas été imprimé&#xa0;: {error} (tâche {job})</translation>
    </message>
    <message>
        <source>{name} was admitted twice offline ({scope}): {a} and {b}</source>
        <translation>{name} a été admis(e) deux fois hors ligne ({scope})&#xa0;: {a} et {b}</translation>
    </message>
    <message>
        <source>Room over capacity: {session}, {inside} in a room for {capacity} ({name} admitted offline at {station})</source>
        <translation>Salle au-delà de sa capacité&#xa0;: {session}, {inside} personnes pour {capacity} places ({name} admis(e) hors ligne à {station})</translation>
    </message>
    <message>
        <source>{n} badges waiting to print</source>
        <translation>{n} badges en attente d’impression</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Arrivées</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les réglages</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Applies from the kiosk&apos;s next start.</source>
        <translation>S’applique au prochain démarrage de la borne.</translation>
    </message>
    <message>
        <source>Saved. The kiosk uses the new settings now.</source>
        <translation>Réglages enregistrés. La borne les applique dès maintenant.</translation>
    </message>
    <message>
        <source>Saved. From the kiosk&apos;s next start: {settings}.</source>
        <translation>Réglages enregistrés. Au prochain démarrage de la borne&#xa0;: {settings}.</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Rien à enregistrer.</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Help desk — {event}</source>
        <translation>Accueil — {event}</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Déjà inscrit(e)&#xa0;?</translation>
    </message>
    <message>
        <source>Cancel registration: {name}</source>
        <translation>Annuler l’inscription&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Check in {who}?</source>
        <translation>Enregistrer l’arrivée de {who}&#xa0;?</translation>
    </message>
    <message>
        <source>Give the registration of {name} to someone else, for example a colleague sent in their place. The ticket stays the same, so the code they carry still scans; {name} is kept in the audit log.</source>
        <translation>Donner l’inscription de {name} à une autre personne, par exemple un(e) collègue venu(e) à sa place. Le billet reste le même, donc le code qu’il ou elle porte est toujours accepté&#xa0;; {name} reste dans le journal d’audit.</translation>
    </message>
    <message>
        <source>Nobody on the roster matches “{text}”.</source>
        <translation>Personne dans la liste ne correspond à «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <source>Not them? Say why a new registration is needed:</source>
        <translation>Ce n’est pas cette personne&#xa0;? Indiquez pourquoi une nouvelle inscription est nécessaire&#xa0;:</translation>
    </message>
    <message>
        <source>Register a walk-in…</source>
        <translation>Inscrire sur place…</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>Inscrire quand même</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Someone like this is already on the roster.</source>
        <translation>Une personne semblable figure déjà dans la liste.</translation>
    </message>
    <message>
        <source>Undo check-in: {name}</source>
        <translation>Annuler l’arrivée&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Use this record</source>
        <translation>Utiliser cette fiche</translation>
    </message>
    <message>
        <source>Why is the check-in of {name} being undone?</source>
        <translation>Pourquoi annuler l’arrivée de {name}&#xa0;?</translation>
    </message>
    <message>
        <source>Why is the registration of {name} being cancelled?</source>
        <translation>Pourquoi annuler l’inscription de {name}&#xa0;?</translation>
    </message>
    <message>
        <source>badge reprinted</source>
        <translation>badge réimprimé</translation>
    </message>
    <message>
        <source>check-in undone</source>
        <translation>arrivée annulée</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>arrivé(e)</translation>
    </message>
    <message>
        <source>details changed</source>
        <translation>informations modifiées</translation>
    </message>
    <message>
        <source>left</source>
        <translation>sorti(e)</translation>
    </message>
    <message>
        <source>registered at the desk</source>
        <translation>inscrit(e) à l’accueil</translation>
    </message>
    <message>
        <source>registration cancelled</source>
        <translation>inscription annulée</translation>
    </message>
    <message>
        <source>registration transferred</source>
        <translation>inscription transférée</translation>
    </message>
    <message>
        <source>{who}, checked in {when}: is this them?</source>
        <translation>{who}, arrivé(e) le {when}&#xa0;: est-ce cette personne&#xa0;?</translation>
    </message>
    <message>
        <source>{who}, not checked in yet: is this them?</source>
        <translation>{who}, pas encore arrivé(e)&#xa0;: est-ce cette personne&#xa0;?</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Saving the badge as a PDF file for the help desk…</source>
        <translation>Enregistrement du badge en PDF pour l’accueil…</translation>
    </message>
    <message>
        <source>The badge is on its way to the printer {printer}.</source>
        <translation>Le badge part à l’imprimante {printer}.</translation>
    </message>
    <message>
        <source>The badge is on its way to the printer.</source>
        <translation>Le badge part à l’impression.</translation>
    </message>
    <message>
        <source>Open badge</source>
        <translation>Ouvrir le badge</translation>
    </message>
    <message>
        <source>Open the badge PDF</source>
        <translation>Ouvrir le PDF du badge</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Save a copy of the badge PDF</source>
        <translation>Enregistrer une copie du PDF du badge</translation>
    </message>
    <message>
        <source>Badge saved as a PDF file: {file}</source>
        <translation>Badge enregistré en PDF&#xa0;: {file}</translation>
    </message>
    <message>
        <source>The new badge is saved as a PDF file.</source>
        <translation>Le nouveau badge est enregistré en PDF.</translation>
    </message>
    <message>
        <source>The badge was printed.</source>
        <translation>Le badge a été imprimé.</translation>
    </message>
    <message>
        <source>The badge was not printed: {error} See Needs attention on the overview.</source>
        <translation>Le badge n’a pas été imprimé&#xa0;: {error} Voir «&#xa0;À traiter&#xa0;» dans la vue d’ensemble.</translation>
    </message>
    <message>
        <source>The badge is waiting: {error} See Needs attention on the overview.</source>
        <translation>Le badge attend&#xa0;: {error} Voir «&#xa0;À traiter&#xa0;» dans la vue d’ensemble.</translation>
    </message>
    <message>
        <source>No program here opens PDF files; save a copy instead.</source>
        <translation>Aucun programme n’ouvre les PDF ici&#xa0;; enregistrez plutôt une copie.</translation>
    </message>
    <message>
        <source>Save a copy of the badge</source>
        <translation>Enregistrer une copie du badge</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The copy could not be saved there ({reason}).</source>
        <translation>La copie n’a pas pu être enregistrée ici ({reason}).</translation>
    </message>
    <message>
        <source>A copy of the badge is saved as {file}.</source>
        <translation>Une copie du badge est enregistrée sous {file}.</translation>
    </message>
    <message>
        <source>Move to another printer</source>
        <translation>Envoyer à une autre imprimante</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Choose a printer, or type folder:PATH; &quot;none&quot; saves the badges as PDF files for the help desk.</source>
        <translation>Choisissez une imprimante ou tapez folder:CHEMIN&#xa0;; «&#xa0;none&#xa0;» enregistre les badges en PDF pour l’accueil.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Cancel badge</source>
        <translation>Annuler le badge</translation>
    </message>
    <message>
        <source>Move to printer…</source>
        <translation>Changer d’imprimante…</translation>
    </message>
    <message>
        <source>Sent again: {n}.</source>
        <translation>Renvoyés&#xa0;: {n}.</translation>
    </message>
    <message>
        <source>Cancelled: {n}.</source>
        <translation>Annulés&#xa0;: {n}.</translation>
    </message>
    <message>
        <source>Moved to {printer}: {n}.</source>
        <translation>Envoyés à {printer}&#xa0;: {n}.</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>Qui est de service ?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>That name and PIN do not match. Please try again.</source>
        <translation>Ce nom et ce code PIN ne correspondent pas. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Too many tries. Please wait {seconds} s.</source>
        <translation>Trop d’essais. Veuillez patienter {seconds} s.</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>Veuillez d’abord vous connecter.</translation>
    </message>
    <message>
        <source>Only a desk volunteer or a supervisor may do this.</source>
        <translation>Seuls un bénévole de l’accueil ou un responsable peuvent faire ceci.</translation>
    </message>
    <message>
        <source>Only a supervisor may do this.</source>
        <translation>Seul un responsable peut faire ceci.</translation>
    </message>
    <message>
        <source>{name} checked in at {station} at {time}. Please attend to them: {note}</source>
        <translation>{name} s’est enregistré·e à {station} à {time}. Merci de vous en occuper : {note}</translation>
    </message>
    <message>
        <source>{name} has arrived at {station} at {time}.</source>
        <translation>{name} est arrivé·e à {station} à {time}.</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Traité</translation>
    </message>
    <message>
        <source>Mark as handled: {name}</source>
        <translation>Marquer comme traité : {name}</translation>
    </message>
    <message>
        <source>Needs attention now</source>
        <translation>À traiter maintenant</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>et {count} de plus</translation>
    </message>
    <message>
        <source>Flag for the help desk</source>
        <translation>Signaler à l’accueil</translation>
    </message>
    <message>
        <source>When {name} checks in, the kiosk asks them to see the help desk and every console shows this note. The kiosk never shows the note.</source>
        <translation>Quand {name} s’enregistre, la borne l’invite à passer à l’accueil et chaque console affiche cette note. La borne n’affiche jamais la note.</translation>
    </message>
    <message>
        <source>e.g. speaker: send to green room</source>
        <translation>ex. : intervenant, à conduire en loge</translation>
    </message>
    <message>
        <source>Note for the help desk</source>
        <translation>Note pour l’accueil</translation>
    </message>
    <message>
        <source>Alert every console when they arrive</source>
        <translation>Alerter toutes les consoles à son arrivée</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Flag…</source>
        <translation>Signaler…</translation>
    </message>
    <message>
        <source>Fixed at the kiosk</source>
        <translation>Corrigé à la borne</translation>
    </message>
    <message>
        <source>Post-nominals</source>
        <translation>Titres après le nom</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronoms</translation>
    </message>
    <message>
        <source>badge fixed by the attendee at the kiosk</source>
        <translation>badge corrigé par le participant à la borne</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>Ajouter une session</translation>
    </message>
    <message>
        <source>Add session…</source>
        <translation>Ajouter une session…</translation>
    </message>
    <message>
        <source>Admit anyway: {name}</source>
        <translation>Faire entrer quand même&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Admit anyway…</source>
        <translation>Faire entrer quand même…</translation>
    </message>
    <message>
        <source>Admitted past the session&apos;s rules; the reason is logged.</source>
        <translation>Entrée accordée malgré les règles de la session&#xa0;; le motif est consigné.</translation>
    </message>
    <message>
        <source>Agenda (*.csv *.xlsx)</source>
        <translation>Programme (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Agenda imported: {counts}.</source>
        <translation>Programme importé&#xa0;: {counts}.</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservés</translation>
    </message>
    <message>
        <source>Booking required</source>
        <translation>Réservation obligatoire</translation>
    </message>
    <message>
        <source>Cancel session…</source>
        <translation>Annuler la session…</translation>
    </message>
    <message>
        <source>Check in to</source>
        <translation>Enregistrer pour</translation>
    </message>
    <message>
        <source>Check in to:</source>
        <translation>Enregistrer pour&#xa0;:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>Modifier la session</translation>
    </message>
    <message>
        <source>Edit session…</source>
        <translation>Modifier la session…</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import agenda</source>
        <translation>Importer le programme</translation>
    </message>
    <message>
        <source>Import agenda…</source>
        <translation>Importer le programme…</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>Dans la salle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Ensuite</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>Not admitted: this session is full.</source>
        <translation>Entrée refusée&#xa0;: cette session est complète.</translation>
    </message>
    <message>
        <source>Not admitted: this session is not open to them, or needs a booking.</source>
        <translation>Entrée refusée&#xa0;: cette session ne lui est pas ouverte, ou demande une réservation.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Open to</source>
        <translation>Ouverte à</translation>
    </message>
    <message>
        <source>Open to (none ticked: everyone)</source>
        <translation>Ouverte à (rien de coché&#xa0;: tout le monde)</translation>
    </message>
    <message>
        <source>Restore session</source>
        <translation>Rétablir la session</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salles</translation>
    </message>
    <message>
        <source>Rows that will be skipped</source>
        <translation>Lignes qui seront ignorées</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Session cancelled: {title}. Nobody is admitted to it.</source>
        <translation>Session annulée&#xa0;: {title}. Plus personne n’y entre.</translation>
    </message>
    <message>
        <source>Session restored: {title}.</source>
        <translation>Session rétablie&#xa0;: {title}.</translation>
    </message>
    <message>
        <source>Session saved: {title}.</source>
        <translation>Session enregistrée&#xa0;: {title}.</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>The event day</source>
        <translation>La journée de l’événement</translation>
    </message>
    <message>
        <source>This door ({room})</source>
        <translation>Cette porte ({room})</translation>
    </message>
    <message>
        <source>This door ({session})</source>
        <translation>Cette porte ({session})</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Why is {name} let in past the session&apos;s rules (not for them, not booked, or full)? The reason is logged with your name.</source>
        <translation>Pourquoi {name} entre-t-il malgré les règles de la session (non ouverte à sa catégorie, sans réservation ou complète)&#xa0;? Le motif est consigné avec votre nom.</translation>
    </message>
    <message>
        <source>booking required</source>
        <translation>réservation obligatoire</translation>
    </message>
    <message>
        <source>imported {imported}, updated {updated}, unchanged {unchanged}, skipped {skipped}</source>
        <translation>importées {imported}, mises à jour {updated}, inchangées {unchanged}, ignorées {skipped}</translation>
    </message>
    <message>
        <source>optional, as in your agenda</source>
        <translation>facultatif, comme dans votre programme</translation>
    </message>
    <message>
        <source>{file} will give: {counts}.</source>
        <translation>{file} donnera&#xa0;: {counts}.</translation>
    </message>
    <message>
        <source>{n} in the room</source>
        <translation>{n} dans la salle</translation>
    </message>
    <message>
        <source>{n} in the room / {capacity}</source>
        <translation>{n} dans la salle / {capacity}</translation>
    </message>
</context>
<context>
    <name>FindMe</name>
    <message>
        <source>Type at least 2 letters of your first or last name.</source>
        <translation>Tapez au moins 2 lettres de votre prénom ou de votre nom.</translation>
    </message>
    <message>
        <source>No match yet. Check the spelling or see the help desk.</source>
        <translation>Aucun résultat. Vérifiez l’orthographe ou adressez-vous à l’accueil.</translation>
    </message>
    <message>
        <source>Tap your name.</source>
        <translation>Touchez votre nom.</translation>
    </message>
    <message>
        <source>Many names match: type more letters.</source>
        <translation>Beaucoup de noms correspondent&#xa0;: tapez d’autres lettres.</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Me trouver par mon nom</translation>
    </message>
    <message>
        <source>Your first or last name</source>
        <translation>Votre prénom ou votre nom</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Many names match: add your first name.</source>
        <translation>Beaucoup de noms correspondent&#xa0;: ajoutez votre prénom.</translation>
    </message>
    <message>
        <source>Many names match: add your last name.</source>
        <translation>Beaucoup de noms correspondent&#xa0;: ajoutez votre nom de famille.</translation>
    </message>
    <message>
        <source>Back to the start in {n} s</source>
        <translation>Retour à l’accueil dans {n}&#xa0;s</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Delete last letter</source>
        <translation>Effacer la dernière lettre</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer tout</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation>Valider le code</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>{n} digits entered</source>
        <translation>{n} chiffres saisis</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Saisissez le code du personnel.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Code incorrect. Réessayez.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {n} s.</source>
        <translation>Trop de codes incorrects. Réessayez dans {n}&#xa0;s.</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Réservé au personnel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Set a staff PIN</source>
        <translation>Choisir un code du personnel</translation>
    </message>
    <message>
        <source>No staff PIN is set yet. Choose one: 4 to 8 digits.</source>
        <translation>Aucun code du personnel n’est encore défini. Choisissez-en un&#xa0;: 4&#xa0;à&#xa0;8&#xa0;chiffres.</translation>
    </message>
    <message>
        <source>Type the same PIN again.</source>
        <translation>Saisissez le même code une seconde fois.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits. Choose one again.</source>
        <translation>Un code compte de 4 à 8 chiffres. Recommencez.</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose one again.</source>
        <translation>Les deux codes sont différents. Recommencez.</translation>
    </message>
    <message>
        <source>The PIN could not be saved: this station cannot save right now.</source>
        <translation>Le code n’a pas pu être enregistré&#xa0;: cette borne ne peut rien enregistrer pour le moment.</translation>
    </message>
</context>
<context>
    <name>Door</name>
    <message>
        <source>No session in {room} now.</source>
        <translation>Aucune session dans {room} pour le moment.</translation>
    </message>
    <message>
        <source>No session in {room} now. Next: {title} at {time}</source>
        <translation>Aucune session dans {room} pour le moment. Ensuite&#xa0;: {title} à {time}</translation>
    </message>
    <message>
        <source>Open seating</source>
        <translation>Places libres</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>1 seat left</source>
        <translation>1 place restante</translation>
    </message>
    <message>
        <source>{count} seats left</source>
        <translation>{count} places restantes</translation>
    </message>
    <message>
        <source>Exit: scan your badge as you leave</source>
        <translation>Sortie&#xa0;: scannez votre badge en partant</translation>
    </message>
</context>
<context>
    <name>Result</name>
    <message>
        <source>This session is not open to your ticket.</source>
        <translation>Cette session n’est pas ouverte à votre billet.</translation>
    </message>
    <message>
        <source>This session is full.</source>
        <translation>Cette session est complète.</translation>
    </message>
    <message>
        <source>Goodbye, {name}!</source>
        <translation>Au revoir, {name}&#xa0;!</translation>
    </message>
    <message>
        <source>You are checked out. Thank you for coming.</source>
        <translation>Votre sortie est enregistrée. Merci de votre venue.</translation>
    </message>
    <message>
        <source>You are not checked in</source>
        <translation>Vous n’êtes pas enregistré·e</translation>
    </message>
    <message>
        <source>This door is for leaving: check in at the entrance.</source>
        <translation>Cette porte sert à sortir&#xa0;: enregistrez-vous à l’entrée.</translation>
    </message>
    <message>
        <source>Please see the help desk ({where}).</source>
        <translation>Merci de vous adresser à l’accueil ({where}).</translation>
    </message>
    <message>
        <source>Please see the help desk.</source>
        <translation>Merci de vous adresser à l’accueil.</translation>
    </message>
    <message>
        <source>Next: {title} at {time}, {room}</source>
        <translation>Ensuite&#xa0;: {title} à {time}, {room}</translation>
    </message>
    <message>
        <source>Next: {title} at {time}</source>
        <translation>Ensuite&#xa0;: {title} à {time}</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Bienvenue, {name}&#xa0;!</translation>
    </message>
    <message>
        <source>You checked in at {time} today.</source>
        <translation>Vous vous êtes enregistré(e) aujourd’hui à {time}.</translation>
    </message>
    <message>
        <source>You have already checked in today.</source>
        <translation>Vous vous êtes déjà enregistré(e) aujourd’hui.</translation>
    </message>
    <message>
        <source>You are already checked in, {name}</source>
        <translation>Vous êtes déjà enregistré(e), {name}</translation>
    </message>
    <message>
        <source>Need a new badge?</source>
        <translation>Besoin d’un nouveau badge&#xa0;?</translation>
    </message>
    <message>
        <source>We could not find this code on the guest list.</source>
        <translation>Ce code ne figure pas sur la liste des participants.</translation>
    </message>
    <message>
        <source>Code not recognised</source>
        <translation>Code non reconnu</translation>
    </message>
    <message>
        <source>This badge was replaced</source>
        <translation>Ce badge a été remplacé</translation>
    </message>
    <message>
        <source>Hello, {name}!</source>
        <translation>Bonjour, {name}&#xa0;!</translation>
    </message>
    <message>
        <source>Badge printed before</source>
        <translation>Badge déjà imprimé</translation>
    </message>
    <message>
        <source>This registration has been cancelled.</source>
        <translation>Cette inscription a été annulée.</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Inscription annulée</translation>
    </message>
    <message>
        <source>This ticket is for another day or time.</source>
        <translation>Ce billet est valable un autre jour ou à une autre heure.</translation>
    </message>
    <message>
        <source>Not valid at this time</source>
        <translation>Non valable à cette heure</translation>
    </message>
    <message>
        <source>Badge printing is off. Please collect your badge at the help desk.</source>
        <translation>L’impression des badges est désactivée. Retirez votre badge à l’accueil.</translation>
    </message>
    <message>
        <source>Printing your badge…</source>
        <translation>Impression de votre badge…</translation>
    </message>
    <message>
        <source>Your badge is ready: please take it from the printer.</source>
        <translation>Votre badge est prêt&#xa0;: prenez-le à l’imprimante.</translation>
    </message>
    <message>
        <source>Your badge could not be printed. Please see the help desk.</source>
        <translation>Votre badge n’a pas pu être imprimé. Merci de vous adresser à l’accueil.</translation>
    </message>
    <message>
        <source>Your badge was printed before. Ask the help desk for a new one.</source>
        <translation>Votre badge a déjà été imprimé. Demandez-en un nouveau à l’accueil.</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Caméra active</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Pas de caméra</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra désactivée</translation>
    </message>
    <message>
        <source>Camera error</source>
        <translation>Erreur de caméra</translation>
    </message>
    <message>
        <source>Hub online</source>
        <translation>Serveur en ligne</translation>
    </message>
    <message>
        <source>Hub offline: check-ins are kept here</source>
        <translation>Serveur hors ligne : les enregistrements sont gardés ici</translation>
    </message>
    <message>
        <source>Hub refused this station&apos;s password: check-ins are kept here</source>
        <translation>Le serveur a refusé le mot de passe de ce poste : les enregistrements sont gardés ici</translation>
    </message>
    <message>
        <source>{count} waiting to upload</source>
        <translation>{count} en attente d’envoi</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>dernière synchronisation {time}</translation>
    </message>
    <message>
        <source>Please collect your badge at the help desk ({where}).</source>
        <translation>Merci de retirer votre badge à l’accueil ({where}).</translation>
    </message>
    <message>
        <source>Please collect your badge at the help desk.</source>
        <translation>Merci de retirer votre badge à l’accueil.</translation>
    </message>
    <message>
        <source>Couldn't read that</source>
        <translation>Lecture impossible</translation>
    </message>
    <message>
        <source>Please scan your code again.</source>
        <translation>Veuillez scanner votre code à nouveau.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>Check-ins so far are safe. Please scan your code again.</source>
        <translation>Les enregistrements faits jusqu’ici sont en sécurité. Veuillez scanner à nouveau votre code.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Back to the start in {n} s</source>
        <translation>Retour à l’accueil dans {n}&#xa0;s</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Réussite</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Me trouver par mon nom</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Door mode: Entry</source>
        <translation>Porte&#xa0;: entrée</translation>
    </message>
    <message>
        <source>Door mode: Exit</source>
        <translation>Porte&#xa0;: sortie</translation>
    </message>
    <message>
        <source>Check-ins cannot be saved: {cause}</source>
        <translation>Les enregistrements ne peuvent pas être sauvegardés : {cause}</translation>
    </message>
    <message>
        <source>Staff — station {name}</source>
        <translation>Personnel — poste {name}</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>Quitter la borne</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>Retour à l’enregistrement</translation>
    </message>
    <message>
        <source>Exit kiosk…</source>
        <translation>Quitter la borne…</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <source>Close the kiosk? Check-in stops at this station until it is started again.</source>
        <translation>Fermer la borne&#xa0;? L’enregistrement s’arrête à ce poste jusqu’à ce qu’on la relance.</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Rester</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Station {name}</source>
        <translation>Poste {name}</translation>
    </message>
    <message>
        <source>Badge printing on</source>
        <translation>Impression des badges active</translation>
    </message>
    <message>
        <source>Badge printing off</source>
        <translation>Impression des badges désactivée</translation>
    </message>
    <message>
        <source>No staff PIN set</source>
        <translation>Aucun code du personnel défini</translation>
    </message>
    <message>
        <source>Welcome! Scan the QR code on your ticket</source>
        <translation>Bienvenue&#xa0;! Scannez le code QR de votre billet</translation>
    </message>
    <message>
        <source>Hold the code from your e-mail or phone under the scanner.</source>
        <translation>Présentez le code de votre e-mail ou de votre téléphone sous le lecteur.</translation>
    </message>
    <message>
        <source>No code? Find me by name</source>
        <translation>Pas de code&#xa0;? Me trouver par mon nom</translation>
    </message>
    <message>
        <source>Change language to {name}</source>
        <translation>Changer de langue&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Camera picture: hold your code inside the frame</source>
        <translation>Image de la caméra&#xa0;: placez votre code dans le cadre</translation>
    </message>
    <message>
        <source>Badges saved for the help desk</source>
        <translation>Badges enregistrés pour l’accueil</translation>
    </message>
</context>
<context>
    <name>Unavailable</name>
    <message>
        <source>This station can't save check-ins right now.</source>
        <translation>Cette borne ne peut pas enregistrer les arrivées pour le moment.</translation>
    </message>
    <message>
        <source>Please see the help desk.</source>
        <translation>Merci de vous adresser à l’accueil.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>This event file is damaged. Check-in is paused.</source>
        <translation>Le fichier de l’événement est endommagé. L’enregistrement des arrivées est suspendu.</translation>
    </message>
    <message>
        <source>Staff: restore the backup from {time}.</source>
        <translation>Personnel&#xa0;: restaurez la sauvegarde de {time}.</translation>
    </message>
    <message>
        <source>No good backup was found. Staff: restore a backup kept elsewhere with kiosk&#xa0;restore; check-in then starts again by itself.</source>
        <translation>Aucune sauvegarde intacte n’a été trouvée. Personnel&#xa0;: restaurez une sauvegarde gardée ailleurs avec kiosk&#xa0;restore&#xa0;; les arrivées reprendront alors d’elles-mêmes.</translation>
    </message>
    <message>
        <source>Please see the help desk.</source>
        <translation>Merci de vous adresser à l’accueil.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}</source>
        <translation>La sauvegarde n’a pas pu être restaurée&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>Station name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <source>Name of this station in the check-in log.</source>
        <translation>Nom de ce poste dans le journal des enregistrements.</translation>
    </message>
    <message>
        <source>Result shown for (seconds)</source>
        <translation>Durée d’affichage du résultat (secondes)</translation>
    </message>
    <message>
        <source>Seconds a result stays before welcome returns.</source>
        <translation>Secondes d’affichage d’un résultat avant le retour à l’accueil.</translation>
    </message>
    <message>
        <source>Shortest result (seconds)</source>
        <translation>Affichage minimal d’un résultat (secondes)</translation>
    </message>
    <message>
        <source>Least time a result shows before the next.</source>
        <translation>Durée minimale d’un résultat avant le suivant.</translation>
    </message>
    <message>
        <source>Idle time-out (seconds)</source>
        <translation>Délai d’inactivité (secondes)</translation>
    </message>
    <message>
        <source>Idle seconds before find-me or PIN go back.</source>
        <translation>Secondes d’inactivité avant que la recherche par nom ou le code PIN ne reviennent à l’accueil.</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Recherche par nom</translation>
    </message>
    <message>
        <source>Show the find-me-by-name button.</source>
        <translation>Afficher le bouton de recherche par nom.</translation>
    </message>
    <message>
        <source>Names shown by find-me</source>
        <translation>Noms affichés par la recherche</translation>
    </message>
    <message>
        <source>Most names find-me shows at once.</source>
        <translation>Nombre maximal de noms affichés à la fois par la recherche.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Code PIN du personnel</translation>
    </message>
    <message>
        <source>scrypt hash of the staff PIN (empty: no PIN set).</source>
        <translation>Empreinte scrypt du code PIN du personnel (vide&#xa0;: aucun code PIN).</translation>
    </message>
    <message>
        <source>Staff screen locks after (seconds)</source>
        <translation>Verrouillage de l’écran du personnel après (secondes)</translation>
    </message>
    <message>
        <source>Idle seconds before the staff screen or the help desk locks again (the staff PIN or a volunteer&apos;s sign-in is needed).</source>
        <translation>Secondes d’inactivité avant que l’écran du personnel ou l’accueil se verrouille à nouveau (le code PIN du personnel ou la connexion d’un bénévole est demandé).</translation>
    </message>
    <message>
        <source>Scanner: longest gap between keys (ms)</source>
        <translation>Lecteur&#xa0;: écart maximal entre les touches (ms)</translation>
    </message>
    <message>
        <source>Longest gap between keys of a scan.</source>
        <translation>Écart maximal entre deux touches d’une même lecture.</translation>
    </message>
    <message>
        <source>Scanner: shortest code</source>
        <translation>Lecteur&#xa0;: code le plus court</translation>
    </message>
    <message>
        <source>Fewest characters that make a scan.</source>
        <translation>Nombre minimal de caractères d’une lecture.</translation>
    </message>
    <message>
        <source>Scanner: pause that ends a scan (ms)</source>
        <translation>Lecteur&#xa0;: pause qui termine une lecture (ms)</translation>
    </message>
    <message>
        <source>Silence that ends a scan with no Enter.</source>
        <translation>Silence qui termine une lecture sans touche Entrée.</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Lire avec la caméra</translation>
    </message>
    <message>
        <source>Scan with the built-in camera if present.</source>
        <translation>Lire les codes avec la caméra intégrée, s’il y en a une.</translation>
    </message>
    <message>
        <source>Camera: ignore a repeated code for (seconds)</source>
        <translation>Caméra&#xa0;: ignorer un code répété pendant (secondes)</translation>
    </message>
    <message>
        <source>Ignore the same camera code this long.</source>
        <translation>Durée pendant laquelle la caméra ignore le même code.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Default language (en or fr).</source>
        <translation>Langue par défaut (en ou fr).</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Default theme: standard or high_contrast.</source>
        <translation>Thème par défaut&#xa0;: standard ou high_contrast.</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Grand texte</translation>
    </message>
    <message>
        <source>Start with large text.</source>
        <translation>Démarrer en grand texte.</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sons</translation>
    </message>
    <message>
        <source>Play a sound for success and for the help desk.</source>
        <translation>Jouer un son en cas de succès et pour l’accueil.</translation>
    </message>
    <message>
        <source>Where the help desk is</source>
        <translation>Emplacement de l’accueil</translation>
    </message>
    <message>
        <source>Where the help desk is, e.g. &apos;by the entrance&apos;.</source>
        <translation>Où se trouve l’accueil, par exemple «&#xa0;près de l’entrée&#xa0;».</translation>
    </message>
    <message>
        <source>Event logo</source>
        <translation>Logo de l’événement</translation>
    </message>
    <message>
        <source>Path of the event logo image (PNG or SVG).</source>
        <translation>Chemin de l’image du logo de l’événement (PNG ou SVG).</translation>
    </message>
    <message>
        <source>Event colour</source>
        <translation>Couleur de l’événement</translation>
    </message>
    <message>
        <source>Event colour for buttons and headings.</source>
        <translation>Couleur de l’événement pour les boutons et les titres.</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>This station&apos;s printer: cups:QUEUE, qt:NAME, folder:PATH or none.</source>
        <translation>Imprimante de ce poste&#xa0;: cups:QUEUE, qt:NAME, folder:PATH ou none.</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>Modèle de badge</translation>
    </message>
    <message>
        <source>Badge template (empty: the default 4x3in).</source>
        <translation>Modèle de badge (vide&#xa0;: le modèle 4x3in par défaut).</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Folder for automatic backups (e.g. a USB stick).</source>
        <translation>Dossier des sauvegardes automatiques (par exemple une clé USB).</translation>
    </message>
    <message>
        <source>Backup every (minutes)</source>
        <translation>Sauvegarde toutes les (minutes)</translation>
    </message>
    <message>
        <source>Minutes between automatic backups.</source>
        <translation>Minutes entre deux sauvegardes automatiques.</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Sauvegardes conservées</translation>
    </message>
    <message>
        <source>How many automatic backups to keep.</source>
        <translation>Nombre de sauvegardes automatiques à conserver.</translation>
    </message>
    <message>
        <source>Organiser&apos;s name</source>
        <translation>Nom de l’organisateur</translation>
    </message>
    <message>
        <source>Who signs the certificates of attendance.</source>
        <translation>Signataire des attestations de présence.</translation>
    </message>
    <message>
        <source>Hub server</source>
        <translation>Serveur central</translation>
    </message>
    <message>
        <source>The hub&apos;s libpq connection string (kept on this station only).</source>
        <translation>Chaîne de connexion libpq du serveur central (conservée sur ce poste uniquement).</translation>
    </message>
    <message>
        <source>Alerts webhook</source>
        <translation>Webhook des alertes</translation>
    </message>
    <message>
        <source>Where arrival alerts and flagged check-ins are sent (an http or https URL).</source>
        <translation>Adresse où partent les alertes d’arrivée et les enregistrements signalés (URL http ou https).</translation>
    </message>
    <message>
        <source>Webhook signing key</source>
        <translation>Clé de signature du webhook</translation>
    </message>
    <message>
        <source>The key that signs each webhook (kept on this station only).</source>
        <translation>Clé qui signe chaque webhook (conservée sur ce poste uniquement).</translation>
    </message>
    <message>
        <source>Signature image</source>
        <translation>Image de signature</translation>
    </message>
    <message>
        <source>Signature image for the certificates.</source>
        <translation>Image de signature des attestations.</translation>
    </message>
    <message>
        <source>Share of a session that must be attended for CPD credit (0.75: three quarters).</source>
        <translation>Part d’une session à suivre pour obtenir des crédits de DPC (0,75 : les trois quarts).</translation>
    </message>
    <message>
        <source>CPD: share of a session needed</source>
        <translation>DPC : part de session requise</translation>
    </message>
    <message>
        <source>CPD credit for a session is rounded down to this many minutes.</source>
        <translation>Le crédit de DPC d’une session est arrondi à l’inférieur à ce nombre de minutes.</translation>
    </message>
    <message>
        <source>CPD: credit rounded down to (minutes)</source>
        <translation>DPC : crédit arrondi à l’inférieur à (minutes)</translation>
    </message>
    <message>
        <source>Mail server for tickets and certificates: smtp://user@host:port or smtps://user@host:port (the password is never stored).</source>
        <translation>Serveur de messagerie des billets et attestations : smtp://utilisateur@hôte:port ou smtps://utilisateur@hôte:port (le mot de passe n’est jamais enregistré).</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <source>Sender address of tickets and certificates.</source>
        <translation>Adresse d’expédition des billets et attestations.</translation>
    </message>
    <message>
        <source>Email from</source>
        <translation>Expéditeur des e-mails</translation>
    </message>
    <message>
        <source>Where replies go (empty: to the sender address).</source>
        <translation>Adresse des réponses (vide : l’adresse d’expédition).</translation>
    </message>
    <message>
        <source>Replies to</source>
        <translation>Réponses à</translation>
    </message>
    <message>
        <source>Most messages sent a minute (0: no limit).</source>
        <translation>Nombre maximal de messages envoyés par minute (0 : sans limite).</translation>
    </message>
    <message>
        <source>Messages a minute</source>
        <translation>Messages par minute</translation>
    </message>
    <message>
        <source>Badge preview prints after (seconds)</source>
        <translation>Aperçu du badge imprimé après (secondes)</translation>
    </message>
    <message>
        <source>Fields attendees may fix</source>
        <translation>Champs que les participants peuvent corriger</translation>
    </message>
    <message>
        <source>Seconds the badge preview waits after a check-in; untouched, the badge prints.</source>
        <translation>Secondes d’attente de l’aperçu du badge après un enregistrement ; sans action, le badge s’imprime.</translation>
    </message>
    <message>
        <source>What attendees may fix on their badge before it prints (name, pronouns, credentials, organisation, job_title; empty: nothing).</source>
        <translation>Ce que les participants peuvent corriger sur leur badge avant l’impression (name, pronouns, credentials, organisation, job_title ; vide : rien).</translation>
    </message>
</context>
<context>
    <name>BadgePreview</name>
    <message>
        <source>Is your badge right? Check your name before it prints.</source>
        <translation>Votre badge est-il correct ? Vérifiez votre nom avant l’impression.</translation>
    </message>
    <message>
        <source>Fix my badge</source>
        <translation>Corriger mon badge</translation>
    </message>
    <message>
        <source>Here is your badge.</source>
        <translation>Voici votre badge.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Bienvenue, {name} !</translation>
    </message>
    <message>
        <source>Your badge prints in {n} s</source>
        <translation>Impression de votre badge dans {n} s</translation>
    </message>
</context>
<context>
    <name>FixBadge</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Fix your badge</source>
        <translation>Corriger votre badge</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Post-nominals</source>
        <translation>Titres après le nom</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronoms</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>That cannot be changed here. Please ask at the help desk.</source>
        <translation>Cela ne peut pas être modifié ici. Adressez-vous à l’accueil.</translation>
    </message>
    <message>
        <source>That is longer than a badge can show.</source>
        <translation>C’est plus long que ce qu’un badge peut afficher.</translation>
    </message>
    <message>
        <source>Your change could not be saved. Please ask at the help desk.</source>
        <translation>Votre modification n’a pas pu être enregistrée. Adressez-vous à l’accueil.</translation>
    </message>
    <message>
        <source>Your first name cannot be empty.</source>
        <translation>Votre prénom ne peut pas être vide.</translation>
    </message>
</context>
<context>
    <name>NameKeyboard</name>
    <message>
        <source>Accented letters</source>
        <translation>Lettres accentuées</translation>
    </message>
    <message>
        <source>Capital letter</source>
        <translation>Majuscule</translation>
    </message>
    <message>
        <source>Delete last letter</source>
        <translation>Effacer la dernière lettre</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Lettres</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
</context>
<context>
    <name>Email</name>
    <message>
        <source>Sending stopped; the details are in the log.</source>
        <translation>L’envoi s’est arrêté ; le détail est dans le journal.</translation>
    </message>
    <message>
        <source>Send certificates</source>
        <translation>Envoyer les attestations</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Messages failed or waiting</source>
        <translation>Messages en échec ou en attente</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>{kind}: {sent} sent, {failed} failed, {queued} waiting</source>
        <translation>{kind} : {sent} envoyés, {failed} en échec, {queued} en attente</translation>
    </message>
    <message>
        <source>Ticket email, as the first attendee would get it ({file})</source>
        <translation>E-mail du billet, tel que le premier participant le recevrait ({file})</translation>
    </message>
    <message>
        <source>No attendees yet.</source>
        <translation>Aucun participant pour l’instant.</translation>
    </message>
    <message>
        <source>Mail server password</source>
        <translation>Mot de passe du serveur de messagerie</translation>
    </message>
    <message>
        <source>Password of {user} at {server} (not stored):</source>
        <translation>Mot de passe de {user} sur {server} (non enregistré) :</translation>
    </message>
    <message>
        <source>Sending certificates…</source>
        <translation>Envoi des attestations…</translation>
    </message>
    <message>
        <source>Sending finished.</source>
        <translation>Envoi terminé.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>interrupted while sending</source>
        <translation>interrompu pendant l’envoi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>attestation</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>billet</translation>
    </message>
    <message>
        <source>test message</source>
        <translation>message d’essai</translation>
    </message>
</context>
</TS>
